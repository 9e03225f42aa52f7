// Attaching an ID copy: document type and side, the file (a PDF becomes an image of its page), the redaction, and for a
// health insurance card the confirmation that its numbers and QR code are masked. Only the core ever stores anything.
import { Alert, Button, Center, Checkbox, FileInput, Grid, Group, Loader, Modal, NumberInput, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconFileUpload, IconShieldLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idDocumentSides, idDocumentTypes, insuranceCardMaskings, type IdDocumentSide, type IdDocumentType, type InsuranceCardMasking, type RedactionBox, type RequestDetail } from '../../../../src-shared/requests';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { idCopyFileProblem, imageSource, openPdfFile, pdfPageSource, toBase64, type IdCopySource, type PdfDocumentHandle } from './pdf-page';
import { RedactionEditor } from './RedactionEditor';
import { useRequestChanged } from './queries';

export function IdCopyAttachDialog({ request, opened, onClose, onAttached }: { request: RequestDetail; opened: boolean; onClose: () => void; onAttached: (idCopyId: string) => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size={1120} closeOnClickOutside={false} title={t('idCopies.attach.title')}>
      {/* Mounted only while open: closing the dialog drops the original bytes with it. */}
      {opened && <AttachForm request={request} onClose={onClose} onAttached={onAttached} />}
    </Modal>
  );
}

/** The back of a My Number card carries the Individual Number, which may not be collected for an identity check (My Number Act). */
export const isMyNumberBack = (type: IdDocumentType | null, side: IdDocumentSide) => type === 'myNumberCard' && side === 'back';

function AttachForm({ request, onClose, onAttached }: { request: RequestDetail; onClose: () => void; onAttached: (id: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const changed = useRequestChanged();
  const [documentType, setDocumentType] = useState<IdDocumentType | null>(null);
  const [side, setSide] = useState<IdDocumentSide>('front');
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<IdCopySource | null>(null);
  const [pdf, setPdf] = useState<{ handle: PdfDocumentHandle; page: number } | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [boxes, setBoxes] = useState<RedactionBox[]>([]);
  const [masked, setMasked] = useState<InsuranceCardMasking[]>([]);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [saving, setSaving] = useState(false);

  const refused = isMyNumberBack(documentType, side);
  const insuranceCard = documentType === 'healthInsuranceCard';

  // The decoded picture and the PDF are let go as soon as they are replaced or the dialog closes.
  useEffect(() => () => source?.bitmap.close(), [source]);
  useEffect(() => () => void pdf?.handle.close(), [pdf?.handle]);

  const clearFile = () => {
    setFile(null);
    setSource(null);
    setPdf(null);
    setBoxes([]);
    setFileError(null);
  };

  // Refused before anything is read: choosing a My Number back drops a file already chosen.
  useEffect(() => {
    if (refused) clearFile();
  }, [refused]);

  const choose = async (chosen: File | null) => {
    clearFile();
    setFailure(null);
    if (!chosen) return;
    const problem = idCopyFileProblem(chosen);
    if (problem) return setFileError(problem);
    setFile(chosen);
    setReading(true);
    try {
      if (chosen.type === 'application/pdf') {
        const handle = await openPdfFile(chosen);
        setPdf({ handle, page: 1 });
        setSource(await pdfPageSource(handle, 1));
      } else {
        setSource(await imageSource(chosen));
      }
    } catch {
      setFileError(chosen.type === 'application/pdf' ? 'idCopy.pdfUnreadable' : 'idCopy.imageUnreadable');
    } finally {
      setReading(false);
    }
  };

  const turnTo = async (page: number) => {
    if (!pdf || page < 1 || page > pdf.handle.pageCount || page === pdf.page) return;
    setReading(true);
    setBoxes([]); // boxes belong to the page they were drawn on
    try {
      setPdf({ ...pdf, page });
      setSource(await pdfPageSource(pdf.handle, page));
    } catch {
      setFileError('idCopy.pdfUnreadable');
    } finally {
      setReading(false);
    }
  };

  const allMasked = insuranceCardMaskings.every((m) => masked.includes(m));
  const canSave = !!documentType && !!source && !refused && !reading && !saving && (!insuranceCard || (allMasked && boxes.length > 0));

  const save = async () => {
    if (!canSave || !documentType || !source) return;
    setSaving(true);
    setFailure(null);
    try {
      const result = await client.call('idcopies.attach', {
        requestId: request.id,
        documentType,
        side,
        image: { mediaType: source.mediaType, dataBase64: await toBase64(source.bytes) },
        redactions: boxes,
        maskingConfirmed: insuranceCard ? masked : [],
      });
      if (!result.ok) return setFailure(result.error);
      const before = new Set(request.idCopies.map((c) => c.id));
      changed(result.value);
      const added = result.value.idCopies.find((c) => !before.has(c.id));
      onClose();
      if (added) onAttached(added.id);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md" data-testid="idcopy-attach">
      {/* Once the picture is there the help above it says what to do; the dialog then fits a laptop's screen. */}
      {!source && (
        <Text size="sm" c="dimmed">
          {t('idCopies.attach.intro')}
        </Text>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {reading ? (
            <Center h={280}>
              <Group gap="sm" role="status">
                <Loader size="sm" aria-hidden />
                <Text size="sm">{t('idCopies.attach.reading')}</Text>
              </Group>
            </Center>
          ) : source ? (
            <RedactionEditor image={source.bitmap} boxes={boxes} onChange={setBoxes} />
          ) : (
            <Center h={280} style={{ border: '2px dashed var(--mantine-color-gray-4)', borderRadius: 8 }}>
              <Text size="sm" c="dimmed" ta="center" maw={420}>
                {refused ? t('idCopies.attach.refusedPlaceholder') : t('idCopies.attach.placeholder')}
              </Text>
            </Center>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Radio.Group label={t('idCopies.attach.documentType')} value={documentType} onChange={(v) => setDocumentType(v as IdDocumentType)} required>
              <SimpleGrid cols={2} spacing={8} verticalSpacing={8} mt={6}>
                {idDocumentTypes.map((type) => (
                  <Radio key={type} value={type} label={t(`idCopies.documentTypes.${type}`)} />
                ))}
              </SimpleGrid>
            </Radio.Group>
            <Radio.Group label={t('idCopies.attach.side')} value={side} onChange={(v) => setSide(v as IdDocumentSide)}>
              <Group gap="lg" mt={6}>
                {idDocumentSides.map((s) => (
                  <Radio key={s} value={s} label={t(`idCopies.sides.${s}`)} />
                ))}
              </Group>
            </Radio.Group>
            {refused && (
              <Alert color="red" variant="filled" icon={<IconBan aria-hidden />} title={t('idCopies.myNumberBack.title')} data-testid="mynumber-back-refused" role="alert">
                {t('idCopies.myNumberBack.explain')}
              </Alert>
            )}
            {documentType === 'myNumberCard' && !refused && (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} p="xs">
                <Text size="xs">{t('idCopies.myNumberFront')}</Text>
              </Alert>
            )}
            <FileInput
              label={t('idCopies.attach.file')}
              description={t('idCopies.attach.fileHint')}
              placeholder={t('idCopies.attach.filePlaceholder')}
              accept="image/png,image/jpeg,image/webp,application/pdf"
              leftSection={<IconFileUpload size={16} aria-hidden />}
              value={file}
              onChange={(f) => void choose(f)}
              disabled={refused || !documentType}
              clearable
              error={fileError ? t(`errors.${fileError}`) : undefined}
              data-testid="idcopy-file"
            />
            {pdf && pdf.handle.pageCount > 1 && (
              <NumberInput
                label={t('idCopies.attach.page', { count: pdf.handle.pageCount })}
                min={1}
                max={pdf.handle.pageCount}
                value={pdf.page}
                onChange={(v) => void turnTo(Number(v))}
                w={160}
                allowDecimal={false}
              />
            )}
            {insuranceCard && <InsuranceMasking masked={masked} onChange={setMasked} boxesDrawn={boxes.length > 0} />}
          </Stack>
        </Grid.Col>
      </Grid>

      <ErrorAlert error={failure} />
      <Group justify="space-between">
        <Text size="xs" c="dimmed" maw={640}>
          {t('idCopies.attach.storedNote')}
        </Text>
        <Group>
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} disabled={!canSave} loading={saving} leftSection={<IconShieldLock size={16} aria-hidden />}>
            {t('idCopies.attach.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** Since October 2020 a business may not keep a health insurance card's insurer number, symbol and number, nor its QR code. */
function InsuranceMasking({ masked, onChange, boxesDrawn }: { masked: InsuranceCardMasking[]; onChange: (m: InsuranceCardMasking[]) => void; boxesDrawn: boolean }) {
  const { t } = useTranslation();
  const missing = insuranceCardMaskings.filter((m) => !masked.includes(m)).length;
  return (
    <Stack gap={6} data-testid="insurance-masking">
      <Title order={3} size="h6">
        {t('idCopies.insurance.title')}
      </Title>
      <Text size="xs">{t('idCopies.insurance.explain')}</Text>
      <Checkbox.Group value={masked} onChange={(v) => onChange(v as InsuranceCardMasking[])} label={t('idCopies.insurance.confirm')}>
        <Stack gap={4} mt={4}>
          {insuranceCardMaskings.map((m) => (
            <Checkbox key={m} value={m} label={t(`idCopies.insurance.items.${m}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      {(missing > 0 || !boxesDrawn) && (
        <Text size="xs" c="orange.8" fw={600} data-testid="insurance-masking-missing">
          {!boxesDrawn ? t('idCopies.insurance.drawFirst') : t('idCopies.insurance.tickAll', { count: missing })}
        </Text>
      )}
    </Stack>
  );
}
