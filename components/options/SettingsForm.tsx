import { STRICTNESS_LEVELS, type Settings, type Strictness } from '@/lib/settings';
import { SiteList } from './SiteList';

const STRICTNESS_TEXT: Record<Strictness, { name: string; hint: string }> = {
  lenient: { name: 'Lenient', hint: 'More matches, including loosely reworded sentences.' },
  balanced: { name: 'Balanced', hint: 'The engine’s calibrated setting.' },
  strict: { name: 'Strict', hint: 'Only sentences that clearly report the same fact.' },
};

export interface SettingsFormProps {
  settings: Settings;
  onChange: (settings: Settings) => void;
}

/** Every change is saved at once; there is no save button to forget. */
export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  return (
    <div class="settings" data-testid="settings">
      <div class="setting">
        <input id="set-highlights" type="checkbox" class="switch" checked={settings.highlights} onChange={(e) => set('highlights', (e.currentTarget as HTMLInputElement).checked)} />
        <label for="set-highlights">
          <strong>Highlight shared facts in the page</strong>
          <span class="muted">Sentences other outlets also report get a soft underline; conflicts get a red one.</span>
        </label>
      </div>

      <fieldset class="setting-group">
        <legend>When to compare</legend>
        {(
          [
            ['auto', 'On every article I open', 'Parallax reads each article page as it loads.'],
            ['click', 'Only when I click the Parallax button', 'Nothing runs until you ask.'],
          ] as const
        ).map(([value, name, hint]) => (
          <div class="radio" key={value}>
            <input id={`set-run-${value}`} type="radio" name="run" value={value} checked={settings.run === value} onChange={() => set('run', value)} />
            <label for={`set-run-${value}`}>
              <strong>{name}</strong>
              <span class="muted">{hint}</span>
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset class="setting-group">
        <legend>How strictly to match facts</legend>
        {STRICTNESS_LEVELS.map((level) => (
          <div class="radio" key={level}>
            <input id={`set-strict-${level}`} type="radio" name="strictness" value={level} checked={settings.strictness === level} onChange={() => set('strictness', level)} />
            <label for={`set-strict-${level}`}>
              <strong>{STRICTNESS_TEXT[level].name}</strong>
              <span class="muted">{STRICTNESS_TEXT[level].hint}</span>
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset class="setting-group">
        <legend>Sites where Parallax is off</legend>
        <SiteList sites={settings.disabledSites} onChange={(sites) => set('disabledSites', sites)} />
      </fieldset>
    </div>
  );
}
