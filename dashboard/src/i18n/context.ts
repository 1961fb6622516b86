/**
 * The locale as Preact state. `t()` reads a module variable, so switching language must also
 * re-render the tree: the provider in app.tsx owns this state and every page re-renders when
 * it changes (pages call `useLocale()` only when they need the value itself).
 */
import { type ComponentType, createContext, type FunctionComponent, h } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from './types';

export interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => undefined });

/** The current locale and a switcher that persists it (cookie) and re-renders the app. */
export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/**
 * Wraps a routed page so it re-renders when the language changes. preact-iso's Router
 * memoises the matched route's element per URL, so without a context subscription a page
 * would keep its old-language text until the next navigation.
 */
export function localised<P extends object>(Page: ComponentType<P>): FunctionComponent<P> {
  function Localised(props: P) {
    useLocale();
    return h(Page as ComponentType<object>, props);
  }
  Localised.displayName = `Localised(${Page.displayName ?? Page.name})`;
  return Localised;
}
