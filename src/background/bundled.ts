/** The bundled corpus as the build made it (scripts/pack-plugin.ts): its pack and its source texts. */
import pack from 'virtual:verbatim-pack';
import source from 'virtual:verbatim-corpus';

export const bundled = { pack, source };
