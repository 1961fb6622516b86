/** Entry point: styles, the page language, and the app. */
import { render } from 'preact';
import { App } from './app';
import { getLocale } from './i18n';
import './styles.css';

document.documentElement.lang = getLocale();
const root = document.getElementById('app');
if (root) render(<App />, root);
