import { create } from 'qrcode';

const QUIET = 4;

/**
 * A QR code as inline SVG, drawn on the server from the code's modules: no
 * image request, no script, nothing for a Content-Security-Policy to allow.
 */
export function QrCode({ value, label, size = 200 }: { value: string; label: string; size?: number }) {
  const { modules } = create(value, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  let path = '';
  for (let y = 0; y < count; y++) {
    for (let x = 0; x < count; x++) if (modules.get(x, y)) path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
  }
  const box = count + QUIET * 2;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${box} ${box}`} shapeRendering="crispEdges" className="bg-white">
      <rect width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
