import { Badge, DataList, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseHeader, Claim } from '../../../shared/domain/case';
import type { Money } from '../../../shared/domain/money';
import { MoneyText } from '../../components/MoneyText';
import { formatCalendarDate } from '../../lib/format';
import { PersonalNumber } from './PersonalNumber';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={6} data-testid={testId} style={{ minWidth: 0 }}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function Missing() {
  const { t } = useTranslation();
  return (
    <Text span c="dimmed" size="sm">
      {t('case.missing')}
    </Text>
  );
}

/** Sum of the claimed amounts when they share one currency; nothing to show otherwise. */
function claimsTotal(claims: readonly Claim[]): Money | null {
  const amounts = claims.flatMap((c) => (c.amount ? [c.amount] : []));
  const first = amounts[0];
  if (!first || amounts.length < 2 || amounts.some((a) => a.currency !== first.currency)) return null;
  return { minor: amounts.reduce((sum, a) => sum + a.minor, 0), currency: first.currency };
}

/** Who complains, about whom, about which purchases, and what exactly they ask for. */
export function CaseHeaderBand({ header }: { header: CaseHeader }) {
  const { t } = useTranslation();
  const { customer, merchant, market } = header;
  const total = claimsTotal(header.claims);
  const address = [customer.street, [customer.postalCode, customer.city].filter(Boolean).join(' '), customer.country]
    .filter((part) => part && part.trim() !== '')
    .join(', ');

  return (
    <Paper radius={0} px="md" py="sm" data-testid="case-header-details" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      {header.summary && (
        <Text size="md" mb="sm" maw={960} style={{ whiteSpace: 'pre-wrap' }} data-testid="case-summary">
          {header.summary}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xl" verticalSpacing="md">
        <Section title={t('case.customer')} testId="case-customer">
          <Text fw={600} size="md">
            {customer.name}
          </Text>
          <DataList size="sm" gap={2} labelWidth="7rem">
            <DataList.Item>
              <DataList.ItemLabel c="dimmed">{t('case.personalNumber')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <PersonalNumber key={header.id} caseId={header.id} masked={customer.personalNumberMasked} />
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel c="dimmed">{t('case.email')}</DataList.ItemLabel>
              <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{customer.email ?? <Missing />}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel c="dimmed">{t('case.phone')}</DataList.ItemLabel>
              <DataList.ItemValue className="tabular">{customer.phone ?? <Missing />}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel c="dimmed">{t('case.address')}</DataList.ItemLabel>
              <DataList.ItemValue>{address || <Missing />}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Section>

        <Section title={t('case.merchant')} testId="case-merchant">
          {merchant ? (
            <>
              <Text fw={600} size="md">
                {merchant.name}
              </Text>
              <DataList size="sm" gap={2} labelWidth="7rem">
                <DataList.Item>
                  <DataList.ItemLabel c="dimmed">{t('case.orgNumber')}</DataList.ItemLabel>
                  <DataList.ItemValue className="tabular">{merchant.orgNumber ?? <Missing />}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel c="dimmed">{t('case.country')}</DataList.ItemLabel>
                  <DataList.ItemValue>{merchant.country}</DataList.ItemValue>
                </DataList.Item>
              </DataList>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('case.noMerchant')}
            </Text>
          )}
        </Section>

        <Section title={t('case.claims')} testId="case-claims">
          {header.claims.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('case.noClaims')}
            </Text>
          ) : (
            <Stack gap={6}>
              {header.claims.map((claim) => (
                <div key={claim.id} data-testid="case-claim">
                  <Group justify="space-between" wrap="nowrap" gap="sm" align="baseline">
                    <Text size="md" fw={600}>
                      <Text span c="dimmed" className="tabular" fw={500} mr={6}>
                        {claim.position}.
                      </Text>
                      {t(`claimKind.${claim.kind}`)}
                    </Text>
                    {claim.amount && <MoneyText money={claim.amount} market={market} size="md" fw={600} />}
                  </Group>
                  {claim.text && (
                    <Text size="sm" c="dimmed" ml={20}>
                      {claim.text}
                    </Text>
                  )}
                </div>
              ))}
              {total && (
                <Group justify="space-between" pt={4} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
                  <Text size="sm" c="dimmed">
                    {t('case.claimsTotal')}
                  </Text>
                  <MoneyText money={total} market={market} size="md" fw={700} />
                </Group>
              )}
            </Stack>
          )}
        </Section>
      </SimpleGrid>

      <Stack gap={4} mt="md" data-testid="case-purchases">
        <Group gap="xs">
          <Title order={4}>{t('case.purchases')}</Title>
          <Badge variant="default" size="sm" className="tabular">
            {header.purchases.length}
          </Badge>
        </Group>
        {header.purchases.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('case.noPurchases')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table striped={false} highlightOnHover withTableBorder={false} verticalSpacing={3} fz="md" layout="auto">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('case.purchase.orderRef')}</Table.Th>
                  <Table.Th>{t('case.purchase.date')}</Table.Th>
                  <Table.Th>{t('case.purchase.product')}</Table.Th>
                  <Table.Th>{t('case.purchase.merchant')}</Table.Th>
                  <Table.Th ta="right">{t('case.purchase.amount')}</Table.Th>
                  <Table.Th>{t('case.purchase.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {header.purchases.map((p) => (
                  <Table.Tr key={p.id} data-testid="case-purchase">
                    <Table.Td className="tabular" fw={500}>
                      {p.orderRef}
                    </Table.Td>
                    <Table.Td className="tabular">{formatCalendarDate(p.purchasedOn, market)}</Table.Td>
                    <Table.Td>{t(`product.${p.product}`)}</Table.Td>
                    <Table.Td>{p.merchantName ?? <Missing />}</Table.Td>
                    <Table.Td ta="right">
                      <MoneyText money={p.amount} market={market} />
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={p.status === 'in_collection' ? 'red' : p.status === 'paused' ? 'orange' : 'gray'} size="sm">
                        {t(`purchaseStatus.${p.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
