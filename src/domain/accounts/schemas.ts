import { z } from 'zod';
import { ROLES } from '../policy/policy.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';

/** Messages are keys into the UI's validation catalogue, so pages show them in the user's language. */
const email = z.string().trim().min(1, 'required').max(254, 'tooLong').pipe(z.email('email'));

export const loginForm = z.object({
  email,
  password: z.string().min(1, 'required').max(1024, 'tooLong'),
});

const newPassword = z.string().min(MIN_PASSWORD_LENGTH, 'tooShort').max(1024, 'tooLong');

export const forgotPasswordForm = z.object({ email });

export const resetPasswordForm = z
  .object({ token: z.string().min(20).max(200), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'mismatch' });

export const changePasswordForm = z
  .object({ current: z.string().min(1, 'required'), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'mismatch' });

export const createUserForm = z.object({
  email,
  name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  organisationId: z.uuid('required'),
  role: z.enum(ROLES, 'required'),
});
export type CreateUserInput = z.infer<typeof createUserForm>;

/** `klynge init`: the first administrator's e-mail, and optionally their name and organisation. */
export const firstAdministratorInput = z.object({
  email,
  name: z.string().trim().min(1, 'required').max(200, 'tooLong').optional(),
  organisation: z.string().trim().min(1, 'required').max(200, 'tooLong').optional(),
});
