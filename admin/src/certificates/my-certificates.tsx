// "My certificates": the professional issues certificates of their certified years (as the
// policy says), downloads them and opens their public verification page.
import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { CertificatesPanel } from './certificates-panel';

export default function MyCertificates() {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.pages.myCertificates')} />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
            {translate('app.certificates.heading')}
          </Typography>
          <CertificatesPanel professionalId={null} />
        </CardContent>
      </Card>
    </Box>
  );
}
