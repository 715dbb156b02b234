import type { Child } from 'hono/jsx';
import type { Lang } from '../../paths.ts';
import { daContent } from './da.tsx';
import { enContent } from './en.tsx';

export interface PageContent {
  accessibility: () => Child;
  privacy: () => Child;
  about: () => Child;
}

export const pageContent = (lang: Lang): PageContent => (lang === 'da' ? daContent : enContent);
