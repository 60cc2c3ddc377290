import { startOptions } from '../../src/options/options';
import '../../src/options/options.css';

void startOptions(document.getElementById('app')!);
