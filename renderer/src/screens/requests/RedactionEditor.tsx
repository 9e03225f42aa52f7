// The redaction editor: the ID copy on a canvas, black boxes drawn by dragging, listed and removable; boxes are fractions of the image.
import { ActionIcon, Box, Group, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedactionBox } from '../../../../src-shared/requests';

/** A box smaller than this (as a fraction of the image's side) is a slip of the mouse, not a redaction. */
const smallestSide = 0.005;
/** The contract takes at most 50 boxes. */
export const maxBoxes = 50;

const clamp = (v: number) => Math.min(1, Math.max(0, v));

function boxBetween(a: { x: number; y: number }, b: { x: number; y: number }): RedactionBox {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.min(Math.abs(b.x - a.x), 1 - x), height: Math.min(Math.abs(b.y - a.y), 1 - y) };
}

const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;

export function RedactionEditor({ image, boxes, onChange }: { image: ImageBitmap; boxes: RedactionBox[]; onChange: (boxes: RedactionBox[]) => void }) {
  const { t } = useTranslation();
  const { ref: frame, width: frameWidth } = useElementSize();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [drawing, setDrawing] = useState<RedactionBox | null>(null);

  // The picture fits the dialog's width and leaves room on the screen for the dialog's controls and buttons. Measured
  // once: a picture that changed size under the mouse would move the boxes being drawn.
  const [maxDisplayHeight] = useState(() => Math.min(520, Math.max(240, window.innerHeight - 420)));
  const scale = frameWidth > 0 ? Math.min(frameWidth / image.width, maxDisplayHeight / image.height, 1) : 0;
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);

  useEffect(() => {
    const element = canvas.current;
    if (!element || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    const context = element.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.drawImage(image, 0, 0, width, height);
    // Solid black, as the core will paint them: what is seen here is what will be kept.
    context.fillStyle = '#000000';
    for (const b of boxes) context.fillRect(b.x * width, b.y * height, b.width * width, b.height * height);
    if (drawing) {
      context.fillStyle = 'rgba(0, 0, 0, 0.55)';
      context.fillRect(drawing.x * width, drawing.y * height, drawing.width * width, drawing.height * height);
      context.strokeStyle = '#fd7e14';
      context.lineWidth = 2;
      context.strokeRect(drawing.x * width, drawing.y * height, drawing.width * width, drawing.height * height);
    }
  }, [image, boxes, drawing, width, height]);

  const pointAt = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: clamp((event.clientX - rect.left) / rect.width), y: clamp((event.clientY - rect.top) / rect.height) };
  };

  const down = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0 || boxes.length >= maxBoxes) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const point = pointAt(event);
    setStart(point);
    setDrawing({ ...point, width: 0, height: 0 });
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (start) setDrawing(boxBetween(start, pointAt(event)));
  };
  const up = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!start) return;
    const box = boxBetween(start, pointAt(event));
    setStart(null);
    setDrawing(null);
    if (box.width >= smallestSide && box.height >= smallestSide) onChange([...boxes, box]);
  };

  return (
    <Stack gap="xs">
      <Text size="sm" id="redaction-help">
        {t('idCopies.redaction.help')}
      </Text>
      <Box ref={frame} w="100%">
        {width > 0 && (
          <canvas
            ref={canvas}
            data-testid="redaction-canvas"
            role="img"
            aria-label={t('idCopies.redaction.canvasLabel', { count: boxes.length })}
            aria-describedby="redaction-help"
            onPointerDown={down}
            onPointerMove={move}
            onPointerUp={up}
            onPointerCancel={() => {
              setStart(null);
              setDrawing(null);
            }}
            style={{ width, height, display: 'block', cursor: 'crosshair', touchAction: 'none', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
          />
        )}
      </Box>
      <Stack gap={4} data-testid="redaction-boxes" aria-label={t('idCopies.redaction.listLabel')}>
        {boxes.length === 0 ? (
          <Text size="sm" c="orange.8">
            {t('idCopies.redaction.none')}
          </Text>
        ) : (
          boxes.map((b, i) => (
            <Group key={`${b.x}-${b.y}-${i}`} gap="xs" wrap="nowrap" data-testid="redaction-box">
              <Box w={12} h={12} bg="black" style={{ borderRadius: 2, flex: 'none' }} aria-hidden />
              <Text size="sm">{t('idCopies.redaction.box', { n: i + 1, x: percent(b.x), y: percent(b.y), width: percent(b.width), height: percent(b.height) })}</Text>
              <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('idCopies.redaction.remove', { n: i + 1 })} onClick={() => onChange(boxes.filter((_, j) => j !== i))}>
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            </Group>
          ))
        )}
        {boxes.length >= maxBoxes && (
          <Text size="xs" c="dimmed">
            {t('idCopies.redaction.tooMany', { max: maxBoxes })}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
