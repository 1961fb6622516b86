import { describe, expect, it } from 'vitest';
import {
  catalogLoaders,
  detectLocale,
  formatDateTime,
  formatNumber,
  getLocale,
  setLocale,
  t,
  tEnum,
} from '../../dashboard/src/i18n';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

const zh = await catalogLoaders['zh-CN']();
const en = await catalogLoaders.en();

describe('message catalogs', () => {
  it('en has exactly the zh-CN keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  // The switch label names 中文; the others quote Chinese text that users meet as it is: the
  // sample of the State Council notice staff paste, the column headers an import file must have.
  const QUOTES_CHINESE = new Set(['lang.switchTo', 'calendar.import.placeholder', 'dept.importHint']);
  it('English messages contain no Chinese (except where they quote Chinese that users meet as it is)', () => {
    for (const [key, text] of Object.entries(en)) {
      if (QUOTES_CHINESE.has(key)) continue;
      expect(/\p{Script=Han}/u.test(text), `${key}: ${text}`).toBe(false);
    }
  });
});

describe('t()', () => {
  it('fills placeholders and formats numbers for the locale', async () => {
    await setLocale('zh-CN');
    expect(t('import.preview', { created: 1200, updated: 3, unchanged: 0 })).toBe('检查通过：将新增 1,200，更新 3，不变 0。');
    await setLocale('en');
    expect(t('pager.status', { page: 2, pages: 3, total: 120 })).toBe('Page 2 of 3, 120 in all');
    await setLocale('zh-CN');
  });

  it('translates enum values and shows unknown ones raw', () => {
    expect(tEnum('kind', 'subdistrict')).toBe('街道');
    expect(tEnum('action', 'merge')).toBe('merge');
  });

  it('formats with Chinese grouping', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
  });

  it('shows times in China time whatever the device zone', () => {
    // 16:30 UTC is half past midnight the next day in Beijing.
    expect(formatDateTime(Date.UTC(2026, 10, 25, 16, 30))).toBe('2026年11月26日 00:30');
  });
});

describe('locale', () => {
  it('follows the Worker: cookie first, then the browser language, else Chinese', () => {
    expect(detectLocale('a=1; lang=en', ['zh-CN'])).toBe('en');
    expect(detectLocale('lang=zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLocale('lang=fr', ['en-GB'])).toBe('en');
    expect(detectLocale('', [])).toBe('zh-CN');
  });

  it('persists the choice in the lang cookie the Worker reads', async () => {
    const switching = setLocale('en');
    // The cookie and <html lang> change at once; t() switches when the catalog is here.
    expect(document.cookie).toContain('lang=en');
    expect(document.documentElement.lang).toBe('en');
    await switching;
    expect(getLocale()).toBe('en');
    await setLocale('zh-CN');
    expect(document.cookie).toContain('lang=zh-CN');
  });
});
