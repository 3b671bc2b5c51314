import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS } from '../shared/ipc/channels';

// One function per channel, nothing else: the renderer never gets ipcRenderer itself.
const api = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]));

contextBridge.exposeInMainWorld('api', api);

// Import files: the page hands over a File the user chose or dropped, never a path. Only a File
// from the operating system has a path (webUtils gives '' for anything a page makes up), and main
// checks it is a regular file before registering it under an upload id.
contextBridge.exposeInMainWorld('ombudFiles', {
  register: (file: File) => ipcRenderer.invoke('files:register', webUtils.getPathForFile(file)),
});

// Change notices for this window (no content: kind, case id, who, when); the page asks again
// through its channels. The listener gets the notice only, never the IPC event.
contextBridge.exposeInMainWorld('ombudChanges', {
  subscribe: (listener: (notice: unknown) => void) => {
    const handler = (_event: unknown, notice: unknown) => listener(notice);
    ipcRenderer.on('changes:notice', handler);
    return () => {
      ipcRenderer.off('changes:notice', handler);
    };
  },
});
