/**
 * @jest-environment jsdom
 */
import '../helpers/jsdom-polyfills';
/** A part of the pane that loads when first shown: a spinner while it loads, its content after, and a message (never an empty pane) when its file cannot be loaded. */
import { render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { LOAD_FAILURE } from '../../src/taskpane/action';
import { Deferred } from '../../src/taskpane/Deferred';

test('loading, then the part itself', async () => {
  let arrive: (m: { default: () => JSX.Element }) => void = () => undefined;
  const Part = lazy(() => new Promise<{ default: () => JSX.Element }>((resolve) => (arrive = resolve)));
  render(
    <FluentProvider theme={webLightTheme}>
      <p>上面的内容</p>
      <Deferred loading="正在载入规则…">
        <Part />
      </Deferred>
    </FluentProvider>,
  );
  expect(screen.getByText('正在载入规则…')).toBeTruthy();
  arrive({ default: () => <p>规则列表</p> });
  expect(await screen.findByText('规则列表')).toBeTruthy();
  expect(screen.queryByText('正在载入规则…')).toBeNull();
});

test('a part whose file cannot be loaded says so in Chinese; the rest of the pane stays', async () => {
  // React reports the caught error on the console; the test is about what the user sees.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const Broken = lazy(() => Promise.reject(new Error('Loading chunk 805 failed.')));
  render(
    <FluentProvider theme={webLightTheme}>
      <p>上面的内容</p>
      <Deferred>
        <Broken />
      </Deferred>
    </FluentProvider>,
  );
  expect(await screen.findByText(LOAD_FAILURE.title)).toBeTruthy();
  expect(screen.getByText(LOAD_FAILURE.message)).toBeTruthy();
  expect(screen.getByText('上面的内容')).toBeTruthy();
  quiet.mockRestore();
});
