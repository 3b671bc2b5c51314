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
