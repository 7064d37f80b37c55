/**
 * The report's three tables drawn as the format lays them out, with the values as read and the
 * cells of findings filled (red for errors, yellow for warnings); a finding's cell can be gone to.
 */
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { walkGrid, standingOf, type Finding, type FormatRevision, type ReportValue, type Standing } from '../core';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', marginBottom: tokens.spacingVerticalL },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, minWidth: '100%' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: '2px 4px', verticalAlign: 'middle' },
  label: { backgroundColor: tokens.colorNeutralBackground3 },
  header: { backgroundColor: tokens.colorNeutralBackground3, textAlign: 'center', fontWeight: tokens.fontWeightSemibold },
  value: { textAlign: 'center', minWidth: '3.5em', fontVariantNumeric: 'tabular-nums' },
  error: { backgroundColor: '#FFC7CE' },
  warning: { backgroundColor: '#FFEB9C' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  caption: { display: 'block', fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0` },
});

/** The element id of a place's cell in the drawn tables. */
export const cellId = (key: string) => `cell-${key.replace(/[^A-Za-z0-9_-]/gu, '_')}`;

function shown(v: ReportValue | undefined): string {
  if (v === undefined || v === null) return '';
  return String(v);
}

/** The worst standing of the findings at each place (reviewed ones do not colour). */
export function standingsByCell(findings: readonly Finding[]): Map<string, Standing> {
  const out = new Map<string, Standing>();
  for (const f of findings) {
    const s = standingOf(f);
    if (s === 'reviewed') continue;
    for (const key of f.cells) if (out.get(key) !== 'error') out.set(key, s);
  }
  return out;
}

export function Tables({
  revision,
  values,
  findings,
  selected,
}: {
  revision: FormatRevision;
  values: Readonly<Partial<Record<string, ReportValue>>>;
  findings: readonly Finding[];
  selected: string | null;
}) {
  const styles = useStyles();
  const marks = standingsByCell(findings);
  return (
    <>
      {revision.tables.map((table) => {
        const placed = walkGrid(table);
        const rows = table.rows.map((_, r) => placed.filter((p) => p.row === r));
        const title = revision.section(table.section).title;
        return (
          <div key={table.id} className={styles.wrap}>
            <Caption1 className={styles.caption}>{title}</Caption1>
            <table className={styles.table} aria-label={title}>
              <tbody>
                {rows.map((cells, r) => (
                  <tr key={r}>
                    {cells.map(({ cell, col, rowSpan, colSpan }) => {
                      if (cell.type === 'label') {
                        const cls = cell.role === 'rowLabel' ? styles.label : styles.header;
                        return (
                          <th
                            key={col}
                            scope={cell.role === 'rowLabel' ? 'row' : 'col'}
                            rowSpan={rowSpan}
                            colSpan={colSpan}
                            className={mergeClasses(styles.cell, cls)}
                          >
                            {cell.text}
                          </th>
                        );
                      }
                      const mark = marks.get(cell.key);
                      return (
                        <td
                          key={col}
                          id={cellId(cell.key)}
                          colSpan={colSpan}
                          tabIndex={-1}
                          title={revision.placeName(cell.key)}
                          data-mark={mark ?? ''}
                          className={mergeClasses(
                            styles.cell,
                            styles.value,
                            mark === 'error' && styles.error,
                            mark === 'warning' && styles.warning,
                            selected === cell.key && styles.selected,
                          )}
                        >
                          {shown(values[cell.key])}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
