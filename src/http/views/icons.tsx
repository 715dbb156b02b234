import { assetUrl } from '../assets.ts';

/** A DKFDS icon from the sprite served with the other static files; decorative unless given a label. */
export function Icon({ name, label, className }: { name: string; label?: string; className?: string }) {
  return (
    <svg
      class={className ? `icon-svg ${className}` : 'icon-svg'}
      focusable="false"
      aria-hidden={label ? undefined : 'true'}
      aria-label={label}
      role={label ? 'img' : undefined}
    >
      <use href={`${assetUrl('icons.svg')}#${name}`} />
    </svg>
  );
}
