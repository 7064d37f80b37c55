import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Input,
  Link,
  Tab,
  TabList,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle16Filled, ErrorCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import { useState } from 'react';
import {
  MAX_REVIEW_REASON,
  RULES,
  STANDING_LABELS,
  displayGroups,
  standingOf,
  type Finding,
  type FindingGroup,
  type FormatRevision,
  type Standing,
} from '../core';
import { fillsWithZero, type Filter } from './filter';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  icon: { flexShrink: 0, marginTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  reviewed: { color: tokens.colorPaletteGreenForeground1 },
  text: { overflowWrap: 'anywhere', display: 'flex', flexDirection: 'column' },
  title: { color: tokens.colorNeutralForeground2 },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, paddingLeft: '32px' },
  details: { paddingLeft: '32px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  ruleId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
  form: { paddingLeft: '32px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  formButtons: { display: 'flex', gap: tokens.spacingHorizontalS },
  groupHead: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, textAlign: 'left' },
  groupTools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, padding: `0 0 ${tokens.spacingVerticalXS} 32px` },
  tabs: { flexWrap: 'wrap' },
});

function StandingIcon({ standing }: { standing: Standing }) {
  const styles = useStyles();
  const cls = mergeClasses(styles.icon, styles[standing]);
  if (standing === 'error') return <ErrorCircle16Filled className={cls} aria-hidden />;
  if (standing === 'warning') return <Warning16Filled className={cls} aria-hidden />;
  return <CheckmarkCircle16Filled className={cls} aria-hidden />;
}

export type FindingsActions = {
  onSelect: (f: Finding) => void;
  onReview: (f: Finding, reason: string) => void;
  onFillBlanks: (findings: readonly Finding[]) => void;
  onFilter: (filter: Filter) => void;
  busy: boolean;
};

const keyOf = (f: Finding) => `${f.rule}|${f.messageId}|${f.cells.join('|')}|${f.message}`;

function ReviewForm({ finding, onReview, onCancel, busy }: { finding: Finding; onReview: FindingsActions['onReview']; onCancel: () => void; busy: boolean }) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  return (
    <form
      className={styles.form}
      aria-label="核实理由"
      onSubmit={(e) => {
        e.preventDefault();
        onReview(finding, reason);
      }}
    >
      <Input
        size="small"
        value={reason}
        maxLength={MAX_REVIEW_REASON}
        placeholder="核实理由，如：已与司法局备案数据核对"
        aria-label="核实理由"
        onChange={(_e, d) => setReason(d.value)}
        autoFocus
      />
      <div className={styles.formButtons}>
        <Button size="small" appearance="primary" type="submit" disabled={busy || reason.trim() === ''}>
          确认已核实
        </Button>
        <Button size="small" onClick={onCancel}>
          取消
        </Button>
      </div>
    </form>
  );
}

function FindingEntry({ finding, actions, revision }: { finding: Finding; actions: FindingsActions; revision: FormatRevision }) {
  const styles = useStyles();
  const [open, setOpen] = useState<'details' | 'review' | null>(null);
  const rule = RULES[finding.rule];
  const standing = standingOf(finding);
  const table = revision.findingGroups.find((g) => g.id === revision.placeGroup(finding.cells[0] ?? ''))?.title;
  return (
    <li className={styles.entry}>
      <button type="button" className={styles.item} onClick={() => actions.onSelect(finding)} aria-label={`${STANDING_LABELS[standing]}：${finding.message}`}>
        <StandingIcon standing={standing} />
        <span className={styles.text}>
          <Body1>{finding.message}</Body1>
          <Caption1 className={styles.title}>
            {rule.title}
            {table ? ` · ${table}` : ''}
          </Caption1>
          {finding.reviewed && (
            <Caption1 className={styles.reviewed}>
              已核实：{finding.reviewed.reason}（{finding.reviewed.date}）
            </Caption1>
          )}
        </span>
      </button>
      <div className={styles.tools}>
        <Link as="button" onClick={() => setOpen(open === 'details' ? null : 'details')} aria-expanded={open === 'details'}>
          {open === 'details' ? '收起说明' : '说明'}
        </Link>
        {!finding.reviewed && (
          <Link as="button" disabled={actions.busy} onClick={() => setOpen(open === 'review' ? null : 'review')} aria-expanded={open === 'review'}>
            标为已核实…
          </Link>
        )}
      </div>
      {open === 'details' && (
        <div className={styles.details}>
          <Caption1>{rule.description}</Caption1>
          <Caption1>依据：{rule.source}</Caption1>
          <span className={styles.ruleId}>规则编号 {finding.rule}</span>
        </div>
      )}
      {open === 'review' && <ReviewForm finding={finding} busy={actions.busy} onCancel={() => setOpen(null)} onReview={actions.onReview} />}
    </li>
  );
}

function GroupEntry({ group, actions, revision }: { group: FindingGroup; actions: FindingsActions; revision: FormatRevision }) {
  const styles = useStyles();
  const fillable = fillsWithZero(group) && group.standing !== 'reviewed';
  return (
    <li>
      <Accordion collapsible>
        <AccordionItem value={group.id}>
          <AccordionHeader size="small" icon={<StandingIcon standing={group.standing} />}>
            <span className={styles.text}>
              <Body1>{group.title}</Body1>
              <Caption1 className={styles.title}>{RULES[group.rule].title} · 展开查看各单元格</Caption1>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {group.findings.map((f) => (
                <FindingEntry key={keyOf(f)} finding={f} actions={actions} revision={revision} />
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {fillable && (
        <div className={styles.groupTools}>
          <Button size="small" disabled={actions.busy} onClick={() => actions.onFillBlanks(group.findings)}>
            空白填0（{group.findings.length}个单元格）
          </Button>
        </div>
      )}
    </li>
  );
}

const FILTERS: { id: Filter; label: string }[] = [
  { id: 'all', label: '全部' },
  { id: 'error', label: '错误' },
  { id: 'warning', label: '警告' },
  { id: 'reviewed', label: '已核实' },
];

export function Findings({
  findings,
  revision,
  filter,
  actions,
}: {
  findings: readonly Finding[];
  revision: FormatRevision;
  filter: Filter;
  actions: FindingsActions;
}) {
  const styles = useStyles();
  const count = (id: Filter) => (id === 'all' ? findings.length : findings.filter((f) => standingOf(f) === id).length);
  const shown = filter === 'all' ? findings : findings.filter((f) => standingOf(f) === filter);
  return (
    <>
      <TabList className={styles.tabs} size="small" selectedValue={filter} onTabSelect={(_e, d) => actions.onFilter(d.value as Filter)} aria-label="筛选问题">
        {FILTERS.map((f) => (
          <Tab key={f.id} value={f.id}>
            {f.label}（{count(f.id)}）
          </Tab>
        ))}
      </TabList>
      {shown.length === 0 ? (
        <Caption1>没有{FILTERS.find((f) => f.id === filter)!.label}的问题。</Caption1>
      ) : (
        <ul className={styles.list} aria-label="问题列表">
          {displayGroups(shown).map((g) =>
            g.findings.length === 1 ? (
              <FindingEntry key={`${g.standing}|${keyOf(g.findings[0]!)}`} finding={g.findings[0]!} actions={actions} revision={revision} />
            ) : (
              <GroupEntry key={g.id} group={g} actions={actions} revision={revision} />
            ),
          )}
        </ul>
      )}
    </>
  );
}
