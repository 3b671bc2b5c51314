import { MantineProvider } from '@mantine/core';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import da from '../../src/renderer/i18n/da.json';
import en from '../../src/renderer/i18n/en.json';
import { initI18n } from '../../src/renderer/i18n';
import sv from '../../src/renderer/i18n/sv.json';
import { theme } from '../../src/renderer/theme';

/**
 * Shared set-up for component tests under happy-dom: the browser APIs Mantine and TanStack
 * Virtual expect, i18n in Swedish, and a render that wraps in MantineProvider.
 */

// Tell React that updates in tests are wrapped in act() (Testing Library does so).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
}

// Mantine's autosize textarea re-measures when web fonts load; happy-dom has no font loading.
if (!('fonts' in document) || !document.fonts) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}

if (typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = () => undefined;
}

/**
 * happy-dom does no layout, so every element measures 0 × 0 and a virtualised list would render
 * no rows. Give the inbox's scroller a viewport so it renders what a 600 px high window shows.
 */
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
const clientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.dataset.testid === 'case-table' ? 600 : (clientHeight?.get?.call(this) as number | undefined) ?? 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get(this: HTMLElement) {
    return this.dataset.testid === 'case-table' ? 1200 : (clientWidth?.get?.call(this) as number | undefined) ?? 0;
  },
});

const i18n = initI18n('sv', { sv, en, da });

afterEach(() => {
  cleanup();
  localStorage.clear();
  void i18n.changeLanguage('sv');
});

export function renderWithProviders(ui: ReactElement): RenderResult {
  return render(
    <MantineProvider theme={theme} env="test">
      {ui}
    </MantineProvider>,
  );
}

/** Intl writes non-breaking spaces in amounts; tests compare with plain ones. */
export function plainSpaces(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}
