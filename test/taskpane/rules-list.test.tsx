/**
 * @jest-environment jsdom
 */
import '../helpers/jsdom-polyfills';
/** 核对规则 in the pane: a closed disclosure whose list loads when it is opened, and closes again. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CURRENT_REVISION, RULES, RULE_IDS } from '../../src/core';
import { App } from '../../src/taskpane/App';

test('opening 核对规则 lists every rule with its basis and id; closing hides the list', async () => {
  render(<App status={{ kind: 'unsupported', theme: 'light' }} />);
  const toggle = screen.getByRole('button', { name: '核对规则' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(screen.queryByRole('list', { name: '核对规则' })).toBeNull();

  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  const list = await screen.findByRole('list', { name: '核对规则' });
  const items = within(list).getAllByRole('listitem');
  expect(items).toHaveLength(RULE_IDS.length);
  expect(screen.getByText(`共${RULE_IDS.length}条，${CURRENT_REVISION.name}`)).toBeTruthy();
  const last = RULE_IDS[RULE_IDS.length - 1]!;
  expect(items[items.length - 1]!.textContent).toContain(RULES[last].title);
  expect(items[items.length - 1]!.textContent).toContain(`依据：${RULES[last].source} · ${last}`);
  expect(document.getElementById('rules-list')?.contains(list)).toBe(true);

  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(screen.queryByRole('list', { name: '核对规则' })).toBeNull();
});
