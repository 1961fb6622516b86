/**
 * Per-test hygiene: Chinese UI (happy-dom's navigator says en-US, and zh-CN is the product
 * default), then unmount what a test rendered and restore the real fetch.
 */
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { setLocale } from '../../dashboard/src/i18n';

beforeEach(() => setLocale('zh-CN'));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
