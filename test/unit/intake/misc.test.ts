/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAR_DRAFT_SCRIPT, DRAFT_SCRIPT } from '../../../worker/intake/draft-script';
import { formatDay, formatDateTime } from '../../../worker/intake/messages';
import { formatTrackingCode, newTrackingCode, parseTrackingCode } from '../../../worker/intake/tracking-code';
import { maskPhones } from '../../../worker/intake/tracking-page';
import { CODE_ALPHABET } from '../../../worker/platform/codes';
import { referenceDataSql } from './reference-sql';

describe('tracking codes', () => {
  it('are 8 characters of the unambiguous alphabet, shown as XXXX-XXXX', () => {
    for (let i = 0; i < 200; i++) {
      const code = newTrackingCode();
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
      expect(code).not.toMatch(/[01OIL]/);
    }
    expect(formatTrackingCode('ABCD2345')).toBe('ABCD-2345');
  });

  it('are read case-insensitively, with or without the dash and spaces', () => {
    for (const typed of ['ABCD-2345', 'abcd2345', ' abcd 2345 ', 'AbCd-2345']) expect(parseTrackingCode(typed)).toBe('ABCD2345');
    for (const bad of ['', 'ABCD-234', 'ABCD-23456', 'ABCD-0345', 'ABCD-O345', 'ABC!2345', 'x'.repeat(100)])
      expect(parseTrackingCode(bad)).toBeNull();
  });
});

describe('the inline draft script', () => {
  // 2 KB since drafts skip contact fields and expire (issue 9): still ~0.8 KB gzipped.
  it('stays within 2 KB and is valid ES5-era JavaScript', () => {
    expect(new TextEncoder().encode(DRAFT_SCRIPT).length).toBeLessThanOrEqual(2048);
    expect(() => new Function(DRAFT_SCRIPT)).not.toThrow();
    expect(DRAFT_SCRIPT).not.toMatch(/=>|`|\blet\b|\bconst\b/);
  });

  it('clears the draft of the station the page names, and is one constant (allowed by hash)', () => {
    expect(() => new Function(CLEAR_DRAFT_SCRIPT)).not.toThrow();
    expect(CLEAR_DRAFT_SCRIPT).toContain("getElementById('lf-done')");
    expect(CLEAR_DRAFT_SCRIPT).not.toContain('</script>');
  });
});

describe('maskPhones', () => {
  it('masks mainland mobile numbers however they are written', () => {
    expect(maskPhones('请联系王代表 13800000001。')).toBe('请联系王代表 138****0001。');
    expect(maskPhones('电话+86 138-0000-0002或１３８０００００００３')).toBe('电话138****0002或138****0003');
    expect(maskPhones('热线 12345，工单 202611250001，门牌 88 号')).toBe('热线 12345，工单 202611250001，门牌 88 号');
  });
});

describe('dates', () => {
  it('reads in China time', () => {
    expect(formatDay('2026-11-05', 'zh-CN')).toBe('2026年11月5日');
    expect(formatDay('2026-11-05', 'en')).toBe('5 Nov 2026');
    expect(formatDateTime(Date.UTC(2026, 10, 24, 16, 30), 'zh-CN')).toBe('2026年11月25日 00:30');
  });
});

describe('the reference_data migration', () => {
  it('is exactly what the code constants generate', () => {
    const file = readFileSync(join(import.meta.dirname, '../../../migrations/0002_reference_data.sql'), 'utf8');
    expect(file).toBe(referenceDataSql());
  });
});
