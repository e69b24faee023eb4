import { absoluteTime, relativeTime } from '../model/time';

export interface RelativeTimeProps {
  at: number;
  now: number;
}

export function RelativeTime({ at, now }: RelativeTimeProps) {
  return (
    <time dateTime={new Date(at).toISOString()} title={absoluteTime(at)}>
      {relativeTime(at, now)}
    </time>
  );
}
