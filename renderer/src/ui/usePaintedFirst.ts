/**
 * A value that follows another one frame late: the change is first painted where it was made
 * (the character typed into its field), and only then, in a transition React can interrupt,
 * given to what depends on it. React's useDeferredValue renders the deferred part as soon as
 * the urgent one is committed, before the browser paints when a frame is not yet due: the
 * typed character then waited for the deferred work too (issue 16, on a busy machine). A new
 * value that comes before the frame replaces the one waiting: fast typing is followed once.
 */
import { startTransition, useEffect, useState } from 'react';

export function usePaintedFirst<T>(value: T): T {
  const [followed, setFollowed] = useState(value);
  useEffect(() => {
    if (Object.is(followed, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame's callbacks run before it is painted; a timer set in one runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setFollowed(() => value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, followed]);
  return followed;
}
