// Bootstrap Italia's SVG sprite, bundled as one cached asset; icons are decorative unless titled.
import sprites from 'bootstrap-italia/dist/svg/sprites.svg';

export function Icon({ name, className = '', title, size }: { name: string; className?: string; title?: string; size?: 'xs' | 'sm' | 'lg' | 'xl' }) {
  const cls = ['icon', size ? `icon-${size}` : '', className].filter(Boolean).join(' ');
  return (
    // biome-ignore lint/a11y/noSvgWithoutTitle: decorative icons are aria-hidden; titled ones carry <title>
    <svg className={cls} aria-hidden={title ? undefined : true} role={title ? 'img' : undefined} focusable="false">
      {title ? <title>{title}</title> : null}
      <use href={`${sprites}#${name}`} />
    </svg>
  );
}
