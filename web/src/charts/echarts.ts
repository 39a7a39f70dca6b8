// The ECharts parts the app uses (tree-shaken). A module needing another chart type adds it here.
import * as echarts from 'echarts/core'
import {
  BarChart, CustomChart, GaugeChart, GraphChart, HeatmapChart, LineChart, MapChart, PieChart, RadarChart, ScatterChart, TreeChart,
} from 'echarts/charts'
import {
  DatasetComponent, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent,
  RadarComponent, TitleComponent, ToolboxComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'

// Radar: the park evaluation (issue 13). Map: the land module's parcel map (custom GeoJSON via registerMap, no tiles). Gauge: monitoring.
// Heatmap + VisualMap: the evaluation class-migration matrix. Graph/Tree: the industry-chain map.
// Custom + SVG renderer: the project timeline (甘特图; SVG keeps its bars crisp and inspectable).
echarts.use([
  BarChart, CustomChart, GaugeChart, GraphChart, HeatmapChart, LineChart, MapChart, PieChart, RadarChart, ScatterChart, TreeChart,
  DatasetComponent, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent,
  RadarComponent, TitleComponent, ToolboxComponent, TooltipComponent, VisualMapComponent, CanvasRenderer, SVGRenderer,
])

export { echarts }
