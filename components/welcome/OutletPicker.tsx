// Every outlet a reader can follow, as a checkbox labelled with its name, grouped by where it is
// based, with where it is, its language and (only where AllSides rates it) its lean.
import { LEAN_NAMES, REGION_NAMES, regionOf, type Outlet, type Region } from '@/lib/outlets';

const REGION_ORDER: Region[] = ['us', 'europe', 'middle-east-africa', 'asia-pacific', 'americas', 'wire'];

const regions = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;
const languages = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;
const countryName = (code: string) => regions?.of(code) ?? code;
const languageName = (code: string) => languages?.of(code) ?? code;

export interface OutletPickerProps {
  outlets: readonly Outlet[];
  chosen: ReadonlySet<string>;
  disabled: boolean;
  onToggle: (id: string, on: boolean) => void;
}

export function OutletPicker({ outlets, chosen, disabled, onToggle }: OutletPickerProps) {
  return (
    <div class="picker" data-testid="outlet-picker">
      {REGION_ORDER.map((region) => {
        const inRegion = outlets.filter((o) => regionOf(o) === region);
        if (!inRegion.length) return null;
        return (
          <fieldset key={region} class="picker-group">
            <legend>
              {REGION_NAMES[region]} <span class="muted">({inRegion.filter((o) => chosen.has(o.id)).length} of {inRegion.length})</span>
            </legend>
            <ul>
              {inRegion.map((outlet) => (
                <li key={outlet.id} class="picker-outlet">
                  <input
                    type="checkbox"
                    id={`outlet-${outlet.id}`}
                    checked={chosen.has(outlet.id)}
                    disabled={disabled}
                    onChange={(e) => onToggle(outlet.id, e.currentTarget.checked)}
                    aria-describedby={`outlet-${outlet.id}-about`}
                    data-testid="outlet-choice"
                    data-outlet={outlet.id}
                  />
                  <label for={`outlet-${outlet.id}`}>{outlet.name}</label>
                  <span class="picker-about muted" id={`outlet-${outlet.id}-about`}>
                    {countryName(outlet.country)} · {languageName(outlet.language)}
                    {outlet.lean && <span class={`lean-tag lean-${outlet.lean.rating}`}>{LEAN_NAMES[outlet.lean.rating]}</span>}
                  </span>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
