import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { thirdPartyNotices } from './scripts/third-party-notices';
import { MODEL_PACKAGE_FILES } from './scripts/model-assets';

// Firefox add-on id; also the key the e2e harness uses to pin the moz-extension UUID.
export const GECKO_ID = 'parallax@parallax.example';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), thirdPartyNotices(import.meta.dirname)] }),
  webExt: { disabled: true },
  hooks: {
    // The sentence model (models/potion-base-4M-int8, checked against its SHA256SUMS) ships in
    // the package under model/; the background reads it from there, never from the network.
    'build:publicAssets': (_wxt, files) => {
      files.push(...MODEL_PACKAGE_FILES());
    },
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['test-results/**', '.output/**', 'bench/results*.json', 'public/corpus.bin'],
  },
  manifest: ({ browser }) => ({
    name: 'Parallax',
    description:
      'See how other outlets reported the facts in the article you are reading. Runs entirely on your device.',
    // alarms: the feed refresh schedule (Sources, off by default). Hosts of followed feeds are
    // asked for one by one when the user adds a feed, never up front.
    permissions: ['storage', 'alarms'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'next-shared-fact': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Step to the next sentence other outlets also reported',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
