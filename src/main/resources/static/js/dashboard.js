// 驾驶舱 charts: drawn from the figures of the page's tables (words and numbers), handed over in a data attribute.
(function () {
	var holder = document.getElementById('dashboard-charts');
	var d = holder ? JSON.parse(holder.getAttribute('data-charts')) : null;
	if (!d || typeof echarts === 'undefined') {
		return;
	}
	var L = d.labels;
	function chart(id, option) {
		var element = document.getElementById(id);
		if (!element) {
			return;
		}
		var c = echarts.init(element, null, { renderer: 'canvas' });
		option.animation = false;
		option.tooltip = option.tooltip || { trigger: 'axis' };
		if (option.series.every(function (s) { return (s.data || []).length === 0; })) {
			option.title = { text: L.noData, left: 'center', top: 'middle', textStyle: { color: '#6c757d', fontSize: 14 } };
		}
		var links = option.links;
		delete option.links;
		c.setOption(option);
		if (links) {
			// a bar opens the list behind it (links from the page's own figures)
			c.on('click', function (p) {
				var link = links[p.dataIndex];
				if (link) {
					window.location.href = link;
				}
			});
		}
		element.setAttribute('data-rendered', 'true');
		window.addEventListener('resize', function () { c.resize(); });
	}
	var targetLine = { silent: true, symbol: 'none', lineStyle: { color: '#dc3545', type: 'dashed' },
		label: { formatter: L.target + ' ' + d.target + '%' }, data: [{ yAxis: d.target }] };
	var percentAxis = { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } };
	var grid = { left: 45, right: 70, top: 35, bottom: 60, containLabel: false };
	chart('chart-divisions', {
		grid: grid, legend: { top: 0 },
		xAxis: { type: 'category', data: d.divisions, axisLabel: { interval: 0, rotate: d.divisions.length > 6 ? 35 : 0 } },
		yAxis: percentAxis,
		series: [{ name: L.attendance, type: 'bar', data: d.attendance, markLine: targetLine },
			{ name: L.duty, type: 'bar', data: d.duty }]
	});
	chart('chart-daily', {
		grid: grid, legend: { top: 0 },
		xAxis: { type: 'category', data: d.days }, yAxis: percentAxis,
		series: [{ name: L.attendance, type: 'line', data: d.dayAttendance, markLine: targetLine },
			{ name: L.duty, type: 'line', data: d.dayDuty }]
	});
	chart('chart-monthly', {
		grid: grid, legend: { top: 0 },
		xAxis: { type: 'category', data: d.months }, yAxis: percentAxis,
		series: [{ name: L.attendance, type: 'line', data: d.monthAttendance, markLine: targetLine },
			{ name: L.duty, type: 'line', data: d.monthDuty }]
	});
	chart('chart-coverage', {
		grid: grid, legend: { top: 0 },
		xAxis: { type: 'category', data: d.divisions, axisLabel: { interval: 0, rotate: d.divisions.length > 6 ? 35 : 0 } },
		yAxis: percentAxis,
		series: [{ name: L.coverage, type: 'bar', data: d.coverage, cursor: 'pointer' }], links: d.coverageLinks
	});
	chart('chart-warnings', {
		grid: grid, legend: { top: 0, type: 'scroll' },
		xAxis: { type: 'category', data: d.warningMonths }, yAxis: { type: 'value', minInterval: 1 },
		series: d.warnings.map(function (s) { return { name: s.name, type: 'bar', stack: 'kinds', data: s.data }; })
	});
	chart('chart-orders', {
		grid: { left: 110, right: 30, top: 10, bottom: 30 }, tooltip: { trigger: 'item' },
		xAxis: { type: 'value', minInterval: 1 },
		yAxis: { type: 'category', inverse: true, data: d.orders.map(function (o) { return o.name; }) },
		series: [{ type: 'bar', data: d.orders.map(function (o) { return o.value; }), label: { show: true, position: 'right' } }]
	});
})();
