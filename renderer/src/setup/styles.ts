/*
 * Every Mantine style, for the screens behind the first one (the shell and its pages, setup,
 * recovery): imported by each of them, so it arrives with whichever comes first. Layered like the
 * first screen's (./styles-first-screen): @mantine/core before the packages built on it.
 */
import '@mantine/core/styles.layer.css';
import '@mantine/charts/styles.layer.css';
import '@mantine/dates/styles.layer.css';
import '@mantine/notifications/styles.layer.css';
import 'mantine-datatable/styles.layer.css';
