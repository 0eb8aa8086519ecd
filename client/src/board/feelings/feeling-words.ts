/** The plain words the page says about this person's own feeling on its way to the server. */

/** Not sent yet (offline, or the server could not be reached), and kept on this device. */
export const keptOnDevice = 'Not sent yet. Your feeling is kept on this device and will be sent when you are back online.';

/** Not sent yet, and the device would not keep it (storage full or turned off). */
export const notKeptOnDevice =
  'Not sent yet, and this device could not keep it. Keep this page open until you are back online, or your feeling will be lost.';

/** The server would not take it (the card is gone, the person may only look, …): its reason follows. */
export const notSaved = (reason: string): string => `Your feeling was not saved. ${reason}`;
