export interface SearchBoxProps {
  value: string;
  onInput: (value: string) => void;
}

export function SearchBox({ value, onInput }: SearchBoxProps) {
  return (
    <div class="search" role="search">
      <label for="popup-search" class="sr-only">
        Search facts, outlets and sentences
      </label>
      <svg class="search-icon" viewBox="0 0 16 16" aria-hidden="true" width="14" height="14">
        <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" stroke-width="1.6" />
        <path d="M11 11l3.5 3.5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
      </svg>
      <input
        id="popup-search"
        type="search"
        placeholder="Search facts, outlets and sentences (press /)"
        autoComplete="off"
        spellcheck={false}
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onInput('');
          }
        }}
      />
    </div>
  );
}
