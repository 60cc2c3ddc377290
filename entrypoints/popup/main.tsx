import { render } from 'preact';
import { startPopup } from '../../src/popup/start';
import '../../src/popup/popup.css';

void startPopup((view) => render(view, document.getElementById('app')!));
