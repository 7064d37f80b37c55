/** A link (or a button) that opens a file picker and hands the picked file on; a file that cannot be read becomes a failure message. */
import { Button, Link, makeStyles } from '@fluentui/react-components';
import { useRef } from 'react';
import type { Failure } from './store';
import { readPickedFile, type PickedFile } from './pick';

const useStyles = makeStyles({ hidden: { display: 'none' } });

export function FileLink(props: {
  children: string;
  /** The file input's accessible name. */
  inputLabel: string;
  accept: string;
  disabled: boolean;
  onPick?: (file: PickedFile) => Promise<void>;
  /** Several files at once (the picker allows choosing many). */
  onPickMany?: (files: PickedFile[]) => Promise<void>;
  onFail: (failure: Failure) => void;
  /** Shown as a button of this appearance instead of a link (the checker page's main actions). */
  button?: 'primary' | 'secondary';
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const picked = async (target: HTMLInputElement) => {
    const files = [...(target.files ?? [])];
    target.value = '';
    if (files.length === 0) return;
    const read: PickedFile[] = [];
    for (const file of files) {
      try {
        read.push(await readPickedFile(file));
      } catch (e) {
        props.onFail({ title: `无法读取“${file.name}”`, message: e instanceof Error ? e.message : String(e) });
        return;
      }
    }
    if (props.onPickMany) await props.onPickMany(read);
    else await props.onPick?.(read[0]!);
  };
  return (
    <>
      {props.button ? (
        <Button appearance={props.button} disabled={props.disabled} onClick={() => input.current?.click()}>
          {props.children}
        </Button>
      ) : (
        <Link as="button" disabled={props.disabled} onClick={() => input.current?.click()}>
          {props.children}
        </Link>
      )}
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple={props.onPickMany !== undefined}
        accept={props.accept}
        aria-label={props.inputLabel}
        onChange={(e) => void picked(e.target)}
      />
    </>
  );
}
