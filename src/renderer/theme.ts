import { Badge, createTheme, rem, type CSSVariablesResolver } from '@mantine/core';

/**
 * A dense desktop theme: 13 px body text, tight spacing, small controls, Inter with tabular
 * figures available everywhere (the `.tabular` class and `ff`/`style` on amounts and dates).
 */
export const theme = createTheme({
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons and badges above 4.5:1 (shade 6 was 4.3:1 for indigo, 3.3:1 for red).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  cursorType: 'default',
  focusRing: 'auto',
  fontSizes: {
    xs: rem(11),
    sm: rem(12),
    md: rem(13),
    lg: rem(15),
    xl: rem(17),
  },
  lineHeights: {
    xs: '1.35',
    sm: '1.4',
    md: '1.45',
    lg: '1.5',
    xl: '1.55',
  },
  spacing: {
    xs: rem(6),
    sm: rem(8),
    md: rem(12),
    lg: rem(16),
    xl: rem(24),
  },
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: rem(22), lineHeight: '1.3' },
      h2: { fontSize: rem(18), lineHeight: '1.3' },
      h3: { fontSize: rem(15), lineHeight: '1.35' },
      h4: { fontSize: rem(13), lineHeight: '1.4' },
      h5: { fontSize: rem(12), lineHeight: '1.4' },
      h6: { fontSize: rem(11), lineHeight: '1.4' },
    },
  },
  components: {
    Badge: Badge.extend({
      defaultProps: { radius: 'sm', variant: 'light' },
      classNames: { root: 'ombud-badge' },
    }),
    Button: { defaultProps: { size: 'xs' } },
    ActionIcon: { defaultProps: { size: 'md', variant: 'subtle', color: 'gray' } },
    TextInput: { defaultProps: { size: 'xs' } },
    Select: { defaultProps: { size: 'xs' } },
    MultiSelect: { defaultProps: { size: 'xs' } },
    SegmentedControl: { defaultProps: { size: 'xs' } },
    Chip: { defaultProps: { size: 'xs' } },
    Menu: { defaultProps: { shadow: 'md', position: 'bottom-end' } },
    Tooltip: { defaultProps: { openDelay: 400, withArrow: true, fz: 'xs' } },
    Table: { defaultProps: { verticalSpacing: 4, horizontalSpacing: 'sm', fz: 'md' } },
    Kbd: { defaultProps: { size: 'xs' } },
  },
});

/**
 * Secondary text darker than Mantine's default grey: actors, times and labels are read all day and
 * must stay legible (about 6:1 against the background in both schemes, WCAG AA needs 4.5:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636b' },
  dark: { '--mantine-color-dimmed': '#a6a7ab' },
});
