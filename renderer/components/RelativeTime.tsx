/** "3 min ago" with the exact timestamp on hover. */
import { useNow } from './use-now';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  const seconds = (date.getTime() - now) / 1000;
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  const text = unit === 'second' ? 'just now' : format.format(Math.round(seconds / size), unit);
  return (
    <time dateTime={iso} title={date.toLocaleString()}>
      {text}
    </time>
  );
}
