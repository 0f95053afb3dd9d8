import { create } from 'zustand';

const KEY = 'samskab.announceOthers';

/** Whether others' changes are read out (the help dialog's switch); on unless turned off on this device. */
export const useAnnounceSetting = create<{ on: boolean; setOn(on: boolean): void }>((set) => ({
  on: globalThis.localStorage?.getItem(KEY) !== 'off',
  setOn(on) {
    globalThis.localStorage?.setItem(KEY, on ? 'on' : 'off');
    set({ on });
  },
}));
