// The disclosure package (APPI Art. 33): once the disclosure is approved, the JSON and the Japanese PDF are built into the
// exports folder; each package's files, their SHA-256 and where they are.
import { Alert, Button, Card, CopyButton, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconFileTypePdf, IconJson, IconPackageExport } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { DisclosurePackage, RequestDetail } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { useSaveTarget } from '../../app/useSaveTarget';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequestStale } from './queries';

/** The folder and the name of a file the core wrote (it answers with full paths, on Windows or elsewhere). */
function splitPath(path: string): { folder: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? { folder: '', name: path } : { folder: path.slice(0, cut), name: path.slice(cut + 1) };
}

export function PackagePanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useClient();
  const refetch = useRequestStale();
  const saveTarget = useSaveTarget();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [building, setBuilding] = useState(false);
  if (request.kind !== 'disclosure') return null;

  const approved = request.proposals.some((p) => p.kind === 'disclose' && p.state === 'approved');
  const mayBuild = session.permissions.includes('disclosures.build') && approved && request.state !== 'refused' && request.state !== 'withdrawn';

  const build = async () => {
    setBuilding(true);
    setFailure(null);
    try {
      // The save dialog proposes the name the package has always had, `<number>-disclosure-<day>.json`; its PDF goes beside it.
      const saveTo = await saveTarget.choose('disclosurePackage', { name: `${request.number}-disclosure` });
      // Cancelled in the dialog: nothing built, nothing to say (a dialog that failed shows its error below).
      if (saveTo === null) return;
      const result = await client.call('disclosures.build', { requestId: request.id, saveTo });
      if (!result.ok) return setFailure(result.error);
      await refetch(request.id);
    } finally {
      setBuilding(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="package-title" data-testid="package-panel">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4" id="package-title">
          {t('disclosurePackage.title')}
        </Title>
        {mayBuild && (
          <Button leftSection={<IconPackageExport size={18} aria-hidden />} onClick={() => void build()} loading={building} variant={request.packages.length > 0 ? 'light' : 'filled'}>
            {request.packages.length > 0 ? t('disclosurePackage.rebuild') : t('disclosurePackage.build')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {approved ? t('disclosurePackage.intro') : t('disclosurePackage.needsApproval')}
      </Text>
      {request.disclosureForm === 'paper' && (
        <Alert color="gray" variant="light" mb="sm">
          {t('disclosurePackage.paper')}
        </Alert>
      )}
      <ErrorAlert error={saveTarget.failure ?? failure} />
      <Stack gap="sm">
        {[...request.packages].reverse().map((p) => (
          <PackageItem key={p.id} pkg={p} />
        ))}
      </Stack>
    </Card>
  );
}

function PackageItem({ pkg }: { pkg: DisclosurePackage }) {
  const { t, i18n } = useTranslation();
  const folder = splitPath(pkg.pdfFile).folder;
  return (
    <Paper withBorder radius="sm" p="md" data-testid="disclosure-package" data-package-id={pkg.id}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('disclosurePackage.builtBy', { name: pkg.builtByName ?? '—', at: formatDateTime(pkg.builtAt, i18n.language) })}
        </Text>
        <FileLine icon={<IconFileTypePdf size={18} aria-hidden />} kind={t('disclosurePackage.pdf')} path={pkg.pdfFile} sha256={pkg.pdfSha256} testId="package-pdf" />
        <FileLine icon={<IconJson size={18} aria-hidden />} kind={t('disclosurePackage.json')} path={pkg.jsonFile} sha256={pkg.jsonSha256} testId="package-json" />
        {folder && (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="package-folder">
              {t('disclosurePackage.folder', { folder })}
            </Text>
            <CopyButton value={folder}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('disclosurePackage.copied') : t('disclosurePackage.copyFolder')}>
                  <Button size="compact-xs" variant="subtle" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                    {t('disclosurePackage.copyFolder')}
                  </Button>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function FileLine({ icon, kind, path, sha256, testId }: { icon: ReactNode; kind: string; path: string; sha256: string; testId: string }) {
  const { name } = splitPath(path);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid={testId} data-path={path}>
      {icon}
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {kind}: <span data-testid={`${testId}-name`}>{name}</span>
        </Text>
        <Text size="xs" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          SHA-256 {sha256}
        </Text>
      </Stack>
    </Group>
  );
}
