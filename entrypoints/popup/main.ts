import { startPopup } from '../../src/popup/start';
import '../../src/popup/popup.css';

void startPopup(document.getElementById('app')!);
