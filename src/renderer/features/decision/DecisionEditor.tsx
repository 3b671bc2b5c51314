import { isCitable } from '../../../shared/domain/citation';
import { ActionIcon, Button, Group, Menu, Popover, ScrollArea, Text, TextInput, Tooltip } from '@mantine/core';
import {
  IconBold,
  IconEyeOff,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconList,
  IconListNumbers,
  IconQuote,
  IconTable,
  IconUnderline,
  IconVariable,
} from '@tabler/icons-react';
import { EditorContent, NodeViewWrapper, ReactNodeViewRenderer, useEditor, type Editor, type NodeViewProps } from '@tiptap/react';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../../../shared/domain/history';
import type { Market } from '../../../shared/domain/market';
import type { DocNode } from '../../../shared/editor/document';
import { Citation, decisionExtensions, MergeField } from '../../../shared/editor/extensions';
import { CITATION, MERGE_FIELD, REDACTION } from '../../../shared/editor/nodes';
import { formatCalendarDate, marketTimeZone, dayKey } from '../../lib/format';
import classes from './Decision.module.css';

/** What the atoms show: merge-field values and cited events; clicking a citation opens it in the history. */
interface AtomContext {
  values: Readonly<Record<string, string>>;
  events: ReadonlyMap<number, HistoryEvent>;
  market: Market;
  onOpenEvent: (eventId: number) => void;
}
const Atoms = createContext<AtomContext>({ values: {}, events: new Map(), market: 'SE', onOpenEvent: () => undefined });

function MergeFieldView({ node }: NodeViewProps) {
  const { values } = useContext(Atoms);
  const field = String(node.attrs.field);
  const value = values[field];
  return (
    <NodeViewWrapper as="span" className={classes.mergeField} data-merge-field={field} data-unresolved={value === undefined || undefined} title={field}>
      {value ?? `{{${field}}}`}
    </NodeViewWrapper>
  );
}

function CitationView({ node }: NodeViewProps) {
  const { events, market, onOpenEvent } = useContext(Atoms);
  const id = Number(node.attrs.eventId);
  const event = events.get(id);
  const label = event ? `${formatCalendarDate(dayKey(event.occurredAt, marketTimeZone(market)), market)}: ${event.summary}` : `#${id}`;
  return (
    <NodeViewWrapper as="span" className={classes.citation} data-citation={id} data-unknown={!event || undefined}>
      <button type="button" className={classes.citationButton} onClick={() => onOpenEvent(id)} title={event?.summary}>
        [{label}]
      </button>
    </NodeViewWrapper>
  );
}

/** The shared extension list, with views that show what the atoms stand for. Adds no node or mark. */
function editorExtensions() {
  return decisionExtensions().map((ext) => {
    if (ext.name === MERGE_FIELD) return MergeField.extend({ addNodeView: () => ReactNodeViewRenderer(MergeFieldView, { as: 'span' }) });
    if (ext.name === CITATION) return Citation.extend({ addNodeView: () => ReactNodeViewRenderer(CitationView, { as: 'span' }) });
    return ext;
  });
}

export interface DecisionEditorProps {
  /** Changes when another document replaces the content (restore, conflict resolution). */
  docKey: string;
  content: DocNode;
  editable: boolean;
  values: Readonly<Record<string, string>>;
  events: readonly HistoryEvent[];
  market: Market;
  onChange: (doc: DocNode) => void;
  onOpenEvent: (eventId: number) => void;
  /** Rendered above the text, e.g. the review state. */
  banner?: ReactNode;
  /** A template has no case, so nothing to cite. */
  citations?: boolean;
  /** Accessible name of the text area; the decision letter by default. */
  label?: string;
  /** The document as the editor normalised it on load, to tell a real edit from that normalisation. */
  onReady?: (doc: DocNode) => void;
  /** Offers the redaction mark (text left out of what goes to ARN). */
  redactable?: boolean;
}

/**
 * The decision letter in TipTap: toolbar (headings, bold/italic/underline, lists, quote, table,
 * link), merge fields that show the case's values, and citations of history events. Stored as
 * TipTap JSON through `onChange`, never as HTML. Spell-checking comes from the OS (Electron).
 */
export function DecisionEditor(props: DecisionEditorProps) {
  const { t } = useTranslation();
  const { content, editable, onChange, docKey } = props;
  const extensions = useMemo(() => editorExtensions(), []);
  const editor = useEditor(
    {
      extensions,
      content,
      editable,
      editorProps: { attributes: { class: classes.prose!, spellcheck: 'true', 'data-testid': 'decision-editor', 'aria-label': props.label ?? t('decision.letter') } },
      onCreate: ({ editor: e }) => props.onReady?.(e.getJSON() as DocNode),
      onUpdate: ({ editor: e }) => onChange(e.getJSON() as DocNode),
    },
    [docKey],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  const eventMap = useMemo(() => new Map(props.events.map((e) => [e.id, e])), [props.events]);
  const atoms = useMemo(() => ({ values: props.values, events: eventMap, market: props.market, onOpenEvent: props.onOpenEvent }), [props.values, eventMap, props.market, props.onOpenEvent]);

  return (
    <Atoms.Provider value={atoms}>
      <div className={classes.editorFrame}>
        {editable && editor && (
          <Toolbar editor={editor} values={props.values} events={props.events} market={props.market} citations={props.citations ?? true} redactable={props.redactable ?? false} />
        )}
        {props.banner}
        <div className={classes.page}>
          <EditorContent editor={editor} />
        </div>
      </div>
    </Atoms.Provider>
  );
}

function Toolbar({
  editor,
  values,
  events,
  market,
  citations,
  redactable,
}: {
  editor: Editor;
  values: Readonly<Record<string, string>>;
  events: readonly HistoryEvent[];
  market: Market;
  citations: boolean;
  redactable: boolean;
}) {
  const { t } = useTranslation();
  const [, setTick] = useState(0);
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    editor.on('transaction', rerender);
    return () => {
      editor.off('transaction', rerender);
    };
  }, [editor]);
  const [link, setLink] = useState('');
  const [linkOpen, setLinkOpen] = useState(false);
  const button = (label: string, icon: ReactNode, active: boolean, run: () => void, testId: string) => (
    <Tooltip label={label} openDelay={400}>
      <ActionIcon variant={active ? 'filled' : 'subtle'} color={active ? 'blue' : 'gray'} aria-label={label} aria-pressed={active} onClick={run} data-testid={testId}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  const chain = () => editor.chain().focus();
  const fields = Object.keys(values).sort();
  const tz = marketTimeZone(market);
  return (
    <Group gap={4} className={classes.toolbar} role="toolbar" aria-label={t('decision.toolbar')} wrap="wrap">
      {button(t('decision.tool.h2'), <IconH2 size={16} />, editor.isActive('heading', { level: 2 }), () => chain().toggleHeading({ level: 2 }).run(), 'tool-h2')}
      {button(t('decision.tool.h3'), <IconH3 size={16} />, editor.isActive('heading', { level: 3 }), () => chain().toggleHeading({ level: 3 }).run(), 'tool-h3')}
      {button(t('decision.tool.bold'), <IconBold size={16} />, editor.isActive('bold'), () => chain().toggleBold().run(), 'tool-bold')}
      {button(t('decision.tool.italic'), <IconItalic size={16} />, editor.isActive('italic'), () => chain().toggleItalic().run(), 'tool-italic')}
      {button(t('decision.tool.underline'), <IconUnderline size={16} />, editor.isActive('underline'), () => chain().toggleUnderline().run(), 'tool-underline')}
      {button(t('decision.tool.bullets'), <IconList size={16} />, editor.isActive('bulletList'), () => chain().toggleBulletList().run(), 'tool-bullets')}
      {button(t('decision.tool.numbers'), <IconListNumbers size={16} />, editor.isActive('orderedList'), () => chain().toggleOrderedList().run(), 'tool-numbers')}
      {button(t('decision.tool.quote'), <IconQuote size={16} />, editor.isActive('blockquote'), () => chain().toggleBlockquote().run(), 'tool-quote')}
      {button(t('decision.tool.table'), <IconTable size={16} />, editor.isActive('table'), () => chain().insertTable({ rows: 2, cols: 2, withHeaderRow: true }).run(), 'tool-table')}
      {redactable && button(t('arnResponse.redact'), <IconEyeOff size={16} />, editor.isActive(REDACTION), () => chain().toggleMark(REDACTION).run(), 'tool-redact')}
      <Popover opened={linkOpen} onChange={setLinkOpen} position="bottom-start" withArrow>
        <Popover.Target>
          {button(t('decision.tool.link'), <IconLink size={16} />, editor.isActive('link'), () => {
            setLink(String(editor.getAttributes('link').href ?? 'https://'));
            setLinkOpen((o) => !o);
          }, 'tool-link')}
        </Popover.Target>
        <Popover.Dropdown>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const href = link.trim();
              if (/^(https:\/\/|mailto:)/.test(href)) chain().extendMarkRange('link').setLink({ href }).run();
              else chain().extendMarkRange('link').unsetLink().run();
              setLinkOpen(false);
            }}
          >
            <Group gap="xs">
              <TextInput size="xs" value={link} onChange={(e) => setLink(e.currentTarget.value)} aria-label={t('decision.tool.linkAddress')} data-testid="link-input" w={260} />
              <Button size="xs" type="submit">
                {t('decision.tool.apply')}
              </Button>
            </Group>
          </form>
        </Popover.Dropdown>
      </Popover>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="light" leftSection={<IconVariable size={14} />} data-testid="insert-merge-field">
            {t('decision.insertField')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <ScrollArea.Autosize mah={320} type="auto">
            {fields.map((f) => (
              <Menu.Item key={f} onClick={() => chain().insertContent({ type: MERGE_FIELD, attrs: { field: f } }).run()} data-testid={`merge-field-${f}`}>
                <Text size="xs" ff="monospace" c="dimmed">
                  {f}
                </Text>
                <Text size="sm" lineClamp={1} maw={320}>
                  {values[f]}
                </Text>
              </Menu.Item>
            ))}
          </ScrollArea.Autosize>
        </Menu.Dropdown>
      </Menu>
      {citations && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="light" data-testid="cite-event">
              {t('decision.cite')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <ScrollArea.Autosize mah={360} type="auto">
              {events.filter(isCitable).map((e) => (
                <Menu.Item key={e.id} onClick={() => chain().insertContent({ type: CITATION, attrs: { eventId: e.id } }).run()} data-testid={`cite-event-${e.id}`}>
                  <Text size="xs" c="dimmed" className="tabular">
                    {formatCalendarDate(dayKey(e.occurredAt, tz), market)} · {e.actor}
                  </Text>
                  <Text size="sm" lineClamp={1} maw={380}>
                    {e.summary}
                  </Text>
                </Menu.Item>
              ))}
            </ScrollArea.Autosize>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
