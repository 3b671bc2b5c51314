import { CloseButton, Kbd, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_INPUT_ATTR } from '../features/search/SearchResults';

/**
 * The search field in the top bar. `/` or Ctrl+F focuses it; Esc clears it, a second Esc leaves it.
 * Arrows and Enter while typing move through and open the results (handled by the result list).
 */
export function SearchField({ value, onChange, inputRef }: { value: string; onChange: (value: string) => void; inputRef: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  return (
    <TextInput
      ref={inputRef}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        if (value !== '') onChange('');
        else e.currentTarget.blur();
      }}
      placeholder={t('search.placeholder')}
      aria-label={t('search.label')}
      leftSection={<IconSearch size={14} stroke={1.75} />}
      rightSection={
        value !== '' ? (
          <CloseButton size="sm" aria-label={t('search.clear')} onClick={() => onChange('')} />
        ) : (
          <Kbd size="xs" style={{ pointerEvents: 'none' }}>
            /
          </Kbd>
        )
      }
      w="100%"
      maw={480}
      size="xs"
      spellCheck={false}
      autoComplete="off"
      data-testid="search-input"
      {...{ [SEARCH_INPUT_ATTR]: '' }}
      type="search"
    />
  );
}
