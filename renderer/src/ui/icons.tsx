/**
 * Status icons drawn as SVG, so that they look the same on every machine: emoji such as ⛔ and
 * 🎉 are empty boxes where no emoji font is installed (as on CI's Chromium). Each has a text
 * alternative from the catalogues, or is hidden from screen readers when the words beside it
 * say the same.
 */
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';

export const ICONS = [
  'ok',
  'warning',
  'problem',
  'success',
  'rejected',
  'uploading',
  'processing',
  'waiting',
  'info',
] as const;
export type IconName = (typeof ICONS)[number];

// 16 by 16; the shape in the icon's colour (currentColor), its mark cut out in the page's.
const MARK = 'var(--icon-mark)';
const drawings: Record<IconName, ReactNode> = {
  ok: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M4.5 8.2l2.3 2.3 4.7-4.8" stroke={MARK} strokeWidth="1.8" fill="none" />
    </>
  ),
  success: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M4.5 8.2l2.3 2.3 4.7-4.8" stroke={MARK} strokeWidth="1.8" fill="none" />
      <circle cx="8" cy="8" r="7.5" stroke="currentColor" fill="none" />
    </>
  ),
  warning: (
    <>
      <path d="M8 1.2L15.2 14.5H0.8z" fill="currentColor" />
      <path d="M8 5.5v4.5" stroke={MARK} strokeWidth="1.8" />
      <circle cx="8" cy="12.2" r="1" fill={MARK} />
    </>
  ),
  problem: (
    <>
      <path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z" fill="currentColor" />
      <path d="M4.2 8h7.6" stroke={MARK} strokeWidth="2" />
    </>
  ),
  rejected: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke={MARK} strokeWidth="1.8" />
    </>
  ),
  uploading: (
    <>
      <path d="M8 11V2.5M4.5 6L8 2.5 11.5 6" stroke="currentColor" strokeWidth="1.8" fill="none" />
      <path d="M2 10.5v3.5h12v-3.5" stroke="currentColor" strokeWidth="1.8" fill="none" />
    </>
  ),
  processing: (
    <>
      <path d="M13.5 8A5.5 5.5 0 1 1 8 2.5" stroke="currentColor" strokeWidth="1.8" fill="none" />
      <path d="M8 0.5l3 2-3 2z" fill="currentColor" />
    </>
  ),
  waiting: (
    <>
      <circle cx="8" cy="8" r="6.5" stroke="currentColor" strokeWidth="1.6" fill="none" />
      <path d="M8 4v4.3l2.8 1.7" stroke="currentColor" strokeWidth="1.6" fill="none" />
    </>
  ),
  info: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M8 7v5" stroke={MARK} strokeWidth="1.8" />
      <circle cx="8" cy="4.6" r="1.1" fill={MARK} />
    </>
  ),
};

export interface IconProps {
  name: IconName;
  /** Hidden from screen readers: the words beside it say what it means. */
  decorative?: boolean;
  /** Its text alternative, when the icon's own name says less than the place it is in. */
  label?: string;
}

export function Icon({ name, decorative = false, label }: IconProps) {
  const { t } = useTranslation();
  // The same drawing either way; only what a screen reader is told differs.
  return (
    <svg
      className={`icon icon-${name}`}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      focusable="false"
      data-icon={name}
      role={decorative ? undefined : 'img'}
      aria-hidden={decorative ? true : undefined}
      aria-label={decorative ? undefined : (label ?? t(`icons.${name}`))}
    >
      {drawings[name]}
    </svg>
  );
}
