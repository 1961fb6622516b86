import { describe, expect, it } from 'vitest';
import { errorOf } from '../../dashboard/src/api';
import { homeFor, navFor, safeNext } from '../../dashboard/src/nav';
import { diffEntries } from '../../dashboard/src/pages/audit/diff';
import { canEditRoster, canEditTownships, lockedTownship } from '../../dashboard/src/permissions';
import { changedFields } from '../../dashboard/src/use-form';

describe('navigation and permissions', () => {
  it('gives each role its own menu and start page', () => {
    expect(navFor('admin').map((i) => i.href)).toContain('/audit');
    expect(navFor('staff').map((i) => i.href)).not.toContain('/audit');
    expect(navFor('leader').map((i) => i.href)).not.toContain('/roster/import');
    expect(navFor('deputy').map((i) => i.href)).toEqual(['/my', '/my/opinions']);
    expect(navFor('department').map((i) => i.href)).not.toContain('/overview');
    expect(homeFor('staff')).toBe('/opinions');
    expect(homeFor('leader')).toBe('/overview');
    expect(homeFor('admin')).toBe('/overview');
    expect(homeFor('deputy')).toBe('/my');
  });

  it('only follows same-site paths after login', () => {
    expect(safeNext('/roster/stations?townshipId=2')).toBe('/roster/stations?townshipId=2');
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/login')).toBeNull();
    // What a browser normalises into another origin (tab, newline, backslash) is refused (issue 9).
    for (const bad of ['/\t/evil.example', '/\n/evil.example', '/\\evil.example', '/ /x']) expect(safeNext(bad)).toBeNull();
    expect(safeNext('/opinions/12#timeline')).toBe('/opinions/12#timeline');
  });

  it('lets district-wide staff edit townships, township staff only their roster', () => {
    const township = { role: 'staff', townshipId: 3 } as const;
    const district = { role: 'staff', townshipId: null } as const;
    expect(canEditRoster(township)).toBe(true);
    expect(canEditTownships(township)).toBe(false);
    expect(canEditTownships(district)).toBe(true);
    expect(lockedTownship(township)).toBe(3);
    expect(lockedTownship({ role: 'leader', townshipId: null })).toBeNull();
    expect(canEditRoster({ role: 'leader', townshipId: null })).toBe(false);
  });
});

describe('helpers', () => {
  it('sends only changed fields in a PATCH', () => {
    expect(
      changedFields(
        { name: '张三', phone: '13800138000', stationId: 4 },
        { name: '张三', phone: '13900139000', stationId: null },
      ),
    ).toEqual({
      phone: '13900139000',
      stationId: null,
    });
  });

  it('diffs audit snapshots, ignoring timestamps', () => {
    expect(diffEntries({ name: '张三', active: true, updatedAt: 1 }, { active: false, updatedAt: 2 })).toEqual([
      { field: 'active', before: true, after: false },
    ]);
    expect(diffEntries(null, { name: '李四', createdAt: 5 })).toEqual([{ field: 'name', before: undefined, after: '李四' }]);
  });

  it('reads API errors, including bodies that are not JSON', async () => {
    const e = await errorOf(
      new Response(
        JSON.stringify({
          error: { code: 'validation_failed', message: '有些内容需要修改。', fields: { phone: '格式不正确。' } },
        }),
        {
          status: 422,
        },
      ),
    );
    expect([e.status, e.code, e.message, e.fields]).toEqual([
      422,
      'validation_failed',
      '有些内容需要修改。',
      { phone: '格式不正确。' },
    ]);
    const bad = await errorOf(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect([bad.code, bad.message]).toEqual(['http_502', '出了点问题，请稍后再试。']);
  });
});
