// Chart.js with only the parts the UI's charts use (line and bar charts on a category and a linear
// axis, legend and tooltip), registered once. Loaded on demand by components/chart.tsx, so only the
// pages with a chart carry it (its own chunk, see vite.config.ts).
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
// Draws a point shape, for the legend's samples of each line.
export { drawPoint } from 'chart.js/helpers';
