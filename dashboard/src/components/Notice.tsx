/**
 * Status and error messages. Errors use role="alert" so screen readers announce them the
 * moment they appear; successes use role="status", which waits politely.
 */
import type { ComponentChildren } from 'preact';

type Tone = 'error' | 'success' | 'info' | 'warn';

export function Notice({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
