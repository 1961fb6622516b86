/** @jsxImportSource hono/jsx */
/**
 * The printable A4 sheet of a deputy's 履职档案 for a year (or a period): the summary a
 * deputy reads out when reporting to voters (述职), then the trainings, other activities
 * and the list of reception sessions. Server-rendered like the station poster: it prints
 * the same from any browser, with no dashboard code.
 */
import { type Locale, type MessageKey, t } from '../platform/i18n';
import type { DeputyRecord, RecordDeputy } from './record';

const sheetCss = `
@page{size:A4;margin:15mm}
*{box-sizing:border-box}
body{margin:0;background:#e8e8e8;color:#000;font:11pt/1.6 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.tools{max-width:210mm;margin:1rem auto;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:0 1rem}
.tools button{font:inherit;font-weight:700;padding:.75rem 1.5rem;color:#fff;background:#1d3f8f;border:0;cursor:pointer}
.tools button:focus{outline:3px solid #ffdd00;box-shadow:0 0 0 6px #0b0c0c}
.sheet{width:210mm;max-width:100%;min-height:297mm;margin:0 auto 2rem;padding:15mm;background:#fff}
h1{font-size:18pt;text-align:center;margin:0 0 4mm;line-height:1.3}
.who{text-align:center;margin:0 0 6mm;color:#333}
h2{font-size:13pt;margin:6mm 0 2mm;padding-bottom:1mm;border-bottom:1.5pt solid #9e1b1b}
table{width:100%;border-collapse:collapse}
th,td{border:.75pt solid #777;padding:1.5mm 2.5mm;text-align:left;vertical-align:top}
th{width:38%;background:#f3f2f1;font-weight:600}
ul{margin:0;padding-left:5mm}
.foot{margin-top:8mm;font-size:9pt;color:#444}
@media print{body{background:#fff}.tools{display:none}.sheet{width:auto;min-height:0;margin:0;padding:0}}
`.trim();

/** "85.0%" or the words for "not rated". */
function rateText(locale: Locale, rate: number | null): string {
  return rate === null ? t(locale, 'sheet_none') : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The whole sheet as a complete HTML document. */
export function RecordSheet(props: {
  locale: Locale;
  deputy: RecordDeputy;
  record: DeputyRecord;
  year: number | null;
  today: string;
}) {
  const { locale, deputy, record, year } = props;
  const tt = (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);
  const title =
    year !== null
      ? tt('sheet_title', { name: deputy.name, year })
      : tt('sheet_period_title', { name: deputy.name, from: record.period.from, to: record.period.to });
  const o = record.opinions;
  const rated = o.ratings.satisfied + o.ratings.basicallySatisfied + o.ratings.dissatisfied;
  const rows: [MessageKey, string][] = [
    [
      'sheet_receptions',
      tt('sheet_receptions_value', { sessions: record.receptions.sessions, residents: record.receptions.residentsReceived }),
    ],
    [
      'sheet_opinions',
      tt('sheet_opinions_value', { takenUp: o.takenUp, resolved: o.resolved, open: o.open, overdue: o.overdue }),
    ],
    ['sheet_entered', tt('sheet_entered_value', { n: o.enteredForResidents })],
    [
      'sheet_satisfaction',
      rated > 0 ? tt('sheet_satisfaction_value', { rate: rateText(locale, o.satisfaction), rated }) : tt('sheet_none'),
    ],
    ['sheet_reminders', tt('sheet_reminders_value', { n: record.reminders })],
  ];
  const confirmed = record.activities.filter((a) => a.status === 'confirmed');
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: sheetCss }} />
      </head>
      <body>
        <div class="tools">
          <button type="button" onclick="window.print()">
            {tt('sheet_print')}
          </button>
          <span>{tt('sheet_print_hint')}</span>
        </div>
        <main class="sheet">
          <h1>{title}</h1>
          <p class="who">
            {deputy.townshipName} · {tt(deputy.level === 'district' ? 'sheet_level_district' : 'sheet_level_township')}
            {deputy.stationName ? ` · ${tt('sheet_station')}：${deputy.stationName}` : ''}
            {deputy.sector ? ` · ${tt('sheet_sector')}：${deputy.sector}` : ''}
          </p>
          <h2>{tt('sheet_summary')}</h2>
          <table>
            <tbody>
              {rows.map(([label, value]) => (
                <tr>
                  <th scope="row">{tt(label)}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{tt('sheet_trainings')}</h2>
          {record.trainings.length === 0 ? (
            <p>{tt('sheet_nothing')}</p>
          ) : (
            <ul>
              {record.trainings.map((tr) => (
                <li>
                  {tt('sheet_training_line', {
                    title: tr.title,
                    from: tr.startsOn,
                    to: tr.endsOn,
                    attended: tr.daysAttended,
                    expected: tr.daysExpected,
                    evaluated: tt(tr.evaluated ? 'sheet_evaluated' : 'sheet_not_evaluated'),
                  })}
                </li>
              ))}
            </ul>
          )}
          <h2>{tt('sheet_activities')}</h2>
          {confirmed.length === 0 ? (
            <p>{tt('sheet_nothing')}</p>
          ) : (
            <ul>
              {confirmed.map((a) => (
                <li>
                  {a.day} {tt(`activity_${a.kind}` as MessageKey)}：{a.title}
                </li>
              ))}
            </ul>
          )}
          <h2>{tt('sheet_reception_list')}</h2>
          {record.receptions.items.length === 0 ? (
            <p>{tt('sheet_nothing')}</p>
          ) : (
            <ul>
              {record.receptions.items.map((r) => (
                <li>
                  {r.day} {r.stationName}
                </li>
              ))}
            </ul>
          )}
          <p class="foot">{tt('sheet_footer', { today: props.today })}</p>
        </main>
      </body>
    </html>
  );
}
