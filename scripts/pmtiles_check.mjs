// Cross-check of our PMTiles writer with the reference reader, the `pmtiles` npm package
// (Protomaps' own decoder): for every <layer>.pmtiles in a tiles directory, the header's
// zooms, bounds, counts and tile type, the metadata, and every 256 px XYZ tile fetched through
// the archive's directories, which must be byte-identical to <layer>/{z}/{x}/{y}.png.
// Run by scripts/pmtiles_check.sh, which installs the package.
//   node scripts/pmtiles_check.mjs OUT/tiles
import { PMTiles } from "pmtiles";
import fs from "node:fs";
import path from "node:path";

class FileSource {
  constructor(file) {
    this.file = file;
    this.fd = fs.openSync(file, "r");
  }
  getKey() {
    return this.file;
  }
  async getBytes(offset, length) {
    const buf = Buffer.alloc(length);
    const n = fs.readSync(this.fd, buf, 0, length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + n) };
  }
}

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/pmtiles_check.mjs OUT/tiles");
  process.exit(2);
}
let failures = 0, archives = 0, tiles = 0;
const fail = (msg) => {
  failures++;
  console.error("pmtiles_check: FAIL: " + msg);
};
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".pmtiles")).sort()) {
  const layer = name.slice(0, -".pmtiles".length);
  const archive = new PMTiles(new FileSource(path.join(dir, name)));
  const h = await archive.getHeader();
  const tj = JSON.parse(fs.readFileSync(path.join(dir, layer + ".json"), "utf8"));
  archives++;
  if (h.specVersion !== 3) fail(`${name}: spec version ${h.specVersion}`);
  if (h.tileType !== 2) fail(`${name}: tile type ${h.tileType}, expected 2 (PNG)`);
  if (!h.clustered) fail(`${name}: not clustered`);
  if (h.minZoom !== tj.minzoom || h.maxZoom !== tj.maxzoom)
    fail(`${name}: zooms ${h.minZoom}-${h.maxZoom}, TileJSON ${tj.minzoom}-${tj.maxzoom}`);
  const b = [h.minLon, h.minLat, h.maxLon, h.maxLat];
  if (b.some((v, i) => Math.abs(v - tj.bounds[i]) > 1e-6)) fail(`${name}: bounds ${b} vs ${tj.bounds}`);
  if (h.rootDirectoryOffset + h.rootDirectoryLength > 16384) fail(`${name}: root past 16 KiB`);
  const meta = await archive.getMetadata();
  if (meta.name !== layer) fail(`${name}: metadata name ${meta.name}`);
  let n = 0;
  for (let z = tj.minzoom; z <= tj.maxzoom; z++) {
    const zdir = path.join(dir, layer, String(z));
    if (!fs.existsSync(zdir)) continue;
    for (const x of fs.readdirSync(zdir)) {
      for (const f of fs.readdirSync(path.join(zdir, x))) {
        if (!/^\d+\.png$/.test(f)) continue;
        const y = Number(f.slice(0, -4));
        const want = fs.readFileSync(path.join(zdir, x, f));
        const got = await archive.getZxy(z, Number(x), y);
        if (!got) fail(`${name}: ${z}/${x}/${y} missing`);
        else if (!want.equals(Buffer.from(got.data))) fail(`${name}: ${z}/${x}/${y} differs`);
        n++;
      }
    }
  }
  if (n !== h.numAddressedTiles) fail(`${name}: ${n} XYZ tiles, header addresses ${h.numAddressedTiles}`);
  tiles += n;
}
if (archives === 0) fail(`no .pmtiles in ${dir}`);
console.log(`pmtiles_check: ${archives} archives, ${tiles} tiles read with the pmtiles package; ${failures} failures`);
process.exit(failures ? 1 : 0);
