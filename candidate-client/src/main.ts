// The player's entry point: its stylesheet (bundled beside the script under a
// hashed name) and the sitting.
import './styles.css';
import { Player } from './player';

new Player().start();
