/**
 * A text field of the inspector (a stage's name, a note, the pattern's name) typed as a condition
 * is: each key is written to the store at once (a rename follows into the conditions; undo and the
 * draft have it), but the canvas, validation and the inspector around the field are told when
 * typing pauses (settled-document.ts), not per key. The field shows its own text meanwhile, since
 * the inspector that passes `value` is one of the views held; a change from elsewhere (undo, a
 * rename in the canvas) replaces it.
 */
import { useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { noteTyping } from '../../state/settled-document';

type Common = { value: string; onText: (text: string) => void };
type InputProps = Common & { multiline?: false } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'value' | 'onChange'
  >;
type AreaProps = Common & { multiline: true } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    'value' | 'onChange'
  >;

export function SettledText(props: InputProps | AreaProps) {
  const { value, onText } = props;
  // text: what the field shows; seen: the last `value` passed; written: the last text typed here
  // (the store's echo of it, arriving when typing pauses, is not a change from elsewhere).
  const [state, setState] = useState({ text: value, seen: value, written: value });
  let { text } = state;
  if (value !== state.seen) {
    // Adjusted while rendering, not in an effect: a stage selected next never shows the last one's text.
    text = value === state.written ? state.text : value;
    setState({ text, seen: value, written: state.written });
  }
  const change = (next: string): void => {
    setState((s) => ({ text: next, seen: s.seen, written: next }));
    noteTyping();
    onText(next);
  };
  if (props.multiline) {
    const { value: _v, onText: _o, multiline: _m, ...rest } = props;
    return <textarea {...rest} value={text} onChange={(e) => change(e.target.value)} />;
  }
  const { value: _v, onText: _o, multiline: _m, ...rest } = props;
  return <input {...rest} value={text} onChange={(e) => change(e.target.value)} />;
}
