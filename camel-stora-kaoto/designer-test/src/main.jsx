// Hosts Kaoto the way its VS Code extension does: KaotoEditorFactory with a host (the "channel API") that answers its
// requests. The catalog library comes from ?catalog=<url of index.json> (default /catalog/index.json), and its first
// runtime is selected, as a user picks it in Kaoto's runtime selector.
import '@patternfly/react-core/dist/styles/base.css';
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { createRoot } from 'react-dom/client';
import { KaotoEditorFactory } from '@kaoto/kaoto';

// Patternfly's code editor would fetch Monaco from a CDN: give it the bundled one, the page must work offline
loader.config({ monaco });

const catalogUrl = new URLSearchParams(window.location.search).get('catalog') ?? '/catalog/index.json';
const edits = [];
const noop = { send: () => {} };

const host = {
  requests: {
    getVSCodeKaotoSettings: async () => ({ catalogUrl, nodeLabel: 'description', nodeToolbarTrigger: 'onHover',
      colorScheme: 'light', experimentalFeatures: { enableDragAndDrop: true } }),
    getCatalogURL: async () => catalogUrl,
    getMetadata: async () => undefined,
    setMetadata: async () => {},
    getResourceContent: async () => undefined,
    saveResourceContent: async () => {},
    deleteResource: async () => false,
    askUserForFileSelection: async () => undefined,
    getSuggestions: async () => [],
    getRuntimeInfoFromMavenContext: async () => undefined,
    onStepUpdated: async () => {},
  },
  notifications: {
    kogitoEditor_ready: { send: () => { window.kaotoReady = true; } },
    kogitoWorkspace_newEdit: { send: (edit) => edits.push(edit.newContent) },
    kogitoNotifications_setNotifications: noop,
    kogitoEditor_stateControlCommandUpdate: noop,
  },
};

const library = await (await fetch(catalogUrl)).json();
localStorage.setItem('selectedCatalog', JSON.stringify(library.definitions[0]));

const editor = await new KaotoEditorFactory().createEditor({ channelApi: host }, {
  resourcesPathPrefix: '',
  fileExtension: 'yaml',
  initialLocale: 'en',
  isReadOnly: false,
  channel: 'VSCODE_DESKTOP',
});
createRoot(document.getElementById('root')).render(editor.af_componentRoot());
editor.af_onOpen();

// what the test (and the VS Code extension) reads and writes: the file's content
window.kaoto = {
  setContent: (content) => editor.setContent('flow.camel.yaml', content),
  getContent: () => editor.getContent(),
  edits,
};
