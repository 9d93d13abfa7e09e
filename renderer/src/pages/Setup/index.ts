// The screens behind the first one bring the rest of Mantine's styles (issue 12).
import '../../setup/styles';
export { SetupWizard } from './SetupWizard';
