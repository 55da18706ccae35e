-- Jilin Province (GB/T 2260): province, 9 prefecture-level divisions and their county-level divisions.
-- 长春新区 and 长白山管委会 supervise projects as regions of their own; they have no GB/T 2260 code, so the
-- platform assigns 229901 and 229902 (outside the range GB/T 2260 uses in Jilin).
insert into region (code, name, level, parent_code, path) values
('220000', '吉林省', 'PROVINCE', null, '220000/')
,('220100', '长春市', 'CITY', '220000', '220000/220100/')
,('220102', '南关区', 'COUNTY', '220100', '220000/220100/220102/')
,('220103', '宽城区', 'COUNTY', '220100', '220000/220100/220103/')
,('220104', '朝阳区', 'COUNTY', '220100', '220000/220100/220104/')
,('220105', '二道区', 'COUNTY', '220100', '220000/220100/220105/')
,('220106', '绿园区', 'COUNTY', '220100', '220000/220100/220106/')
,('220112', '双阳区', 'COUNTY', '220100', '220000/220100/220112/')
,('220113', '九台区', 'COUNTY', '220100', '220000/220100/220113/')
,('220122', '农安县', 'COUNTY', '220100', '220000/220100/220122/')
,('220171', '长春经济技术开发区', 'COUNTY', '220100', '220000/220100/220171/')
,('220172', '长春净月高新技术产业开发区', 'COUNTY', '220100', '220000/220100/220172/')
,('220173', '长春高新技术产业开发区', 'COUNTY', '220100', '220000/220100/220173/')
,('220174', '长春汽车经济技术开发区', 'COUNTY', '220100', '220000/220100/220174/')
,('220182', '榆树市', 'COUNTY', '220100', '220000/220100/220182/')
,('220183', '德惠市', 'COUNTY', '220100', '220000/220100/220183/')
,('220184', '公主岭市', 'COUNTY', '220100', '220000/220100/220184/')
,('220200', '吉林市', 'CITY', '220000', '220000/220200/')
,('220202', '昌邑区', 'COUNTY', '220200', '220000/220200/220202/')
,('220203', '龙潭区', 'COUNTY', '220200', '220000/220200/220203/')
,('220204', '船营区', 'COUNTY', '220200', '220000/220200/220204/')
,('220211', '丰满区', 'COUNTY', '220200', '220000/220200/220211/')
,('220221', '永吉县', 'COUNTY', '220200', '220000/220200/220221/')
,('220271', '吉林经济开发区', 'COUNTY', '220200', '220000/220200/220271/')
,('220272', '吉林高新技术产业开发区', 'COUNTY', '220200', '220000/220200/220272/')
,('220273', '吉林中国新加坡食品区', 'COUNTY', '220200', '220000/220200/220273/')
,('220281', '蛟河市', 'COUNTY', '220200', '220000/220200/220281/')
,('220282', '桦甸市', 'COUNTY', '220200', '220000/220200/220282/')
,('220283', '舒兰市', 'COUNTY', '220200', '220000/220200/220283/')
,('220284', '磐石市', 'COUNTY', '220200', '220000/220200/220284/')
,('220300', '四平市', 'CITY', '220000', '220000/220300/')
,('220302', '铁西区', 'COUNTY', '220300', '220000/220300/220302/')
,('220303', '铁东区', 'COUNTY', '220300', '220000/220300/220303/')
,('220322', '梨树县', 'COUNTY', '220300', '220000/220300/220322/')
,('220323', '伊通满族自治县', 'COUNTY', '220300', '220000/220300/220323/')
,('220382', '双辽市', 'COUNTY', '220300', '220000/220300/220382/')
,('220400', '辽源市', 'CITY', '220000', '220000/220400/')
,('220402', '龙山区', 'COUNTY', '220400', '220000/220400/220402/')
,('220403', '西安区', 'COUNTY', '220400', '220000/220400/220403/')
,('220421', '东丰县', 'COUNTY', '220400', '220000/220400/220421/')
,('220422', '东辽县', 'COUNTY', '220400', '220000/220400/220422/')
,('220500', '通化市', 'CITY', '220000', '220000/220500/')
,('220502', '东昌区', 'COUNTY', '220500', '220000/220500/220502/')
,('220503', '二道江区', 'COUNTY', '220500', '220000/220500/220503/')
,('220521', '通化县', 'COUNTY', '220500', '220000/220500/220521/')
,('220523', '辉南县', 'COUNTY', '220500', '220000/220500/220523/')
,('220524', '柳河县', 'COUNTY', '220500', '220000/220500/220524/')
,('220581', '梅河口市', 'COUNTY', '220500', '220000/220500/220581/')
,('220582', '集安市', 'COUNTY', '220500', '220000/220500/220582/')
,('220600', '白山市', 'CITY', '220000', '220000/220600/')
,('220602', '浑江区', 'COUNTY', '220600', '220000/220600/220602/')
,('220605', '江源区', 'COUNTY', '220600', '220000/220600/220605/')
,('220621', '抚松县', 'COUNTY', '220600', '220000/220600/220621/')
,('220622', '靖宇县', 'COUNTY', '220600', '220000/220600/220622/')
,('220623', '长白朝鲜族自治县', 'COUNTY', '220600', '220000/220600/220623/')
,('220681', '临江市', 'COUNTY', '220600', '220000/220600/220681/')
,('220700', '松原市', 'CITY', '220000', '220000/220700/')
,('220702', '宁江区', 'COUNTY', '220700', '220000/220700/220702/')
,('220721', '前郭尔罗斯蒙古族自治县', 'COUNTY', '220700', '220000/220700/220721/')
,('220722', '长岭县', 'COUNTY', '220700', '220000/220700/220722/')
,('220723', '乾安县', 'COUNTY', '220700', '220000/220700/220723/')
,('220771', '吉林松原经济开发区', 'COUNTY', '220700', '220000/220700/220771/')
,('220781', '扶余市', 'COUNTY', '220700', '220000/220700/220781/')
,('220800', '白城市', 'CITY', '220000', '220000/220800/')
,('220802', '洮北区', 'COUNTY', '220800', '220000/220800/220802/')
,('220821', '镇赉县', 'COUNTY', '220800', '220000/220800/220821/')
,('220822', '通榆县', 'COUNTY', '220800', '220000/220800/220822/')
,('220871', '吉林白城经济开发区', 'COUNTY', '220800', '220000/220800/220871/')
,('220881', '洮南市', 'COUNTY', '220800', '220000/220800/220881/')
,('220882', '大安市', 'COUNTY', '220800', '220000/220800/220882/')
,('222400', '延边朝鲜族自治州', 'CITY', '220000', '220000/222400/')
,('222401', '延吉市', 'COUNTY', '222400', '220000/222400/222401/')
,('222402', '图们市', 'COUNTY', '222400', '220000/222400/222402/')
,('222403', '敦化市', 'COUNTY', '222400', '220000/222400/222403/')
,('222404', '珲春市', 'COUNTY', '222400', '220000/222400/222404/')
,('222405', '龙井市', 'COUNTY', '222400', '220000/222400/222405/')
,('222406', '和龙市', 'COUNTY', '222400', '220000/222400/222406/')
,('222424', '汪清县', 'COUNTY', '222400', '220000/222400/222424/')
,('222426', '安图县', 'COUNTY', '222400', '220000/222400/222426/')
,('229901', '长春新区', 'SUPERVISORY', '220000', '220000/229901/')
,('229902', '长白山管委会', 'SUPERVISORY', '220000', '220000/229902/')
;

insert into code_dictionary (kind, code, name_zh, name_en) values
('ID_TYPE', '01', '居民身份证', 'Resident identity card'),
('ID_TYPE', '02', '军官证', 'Military officer card'),
('ID_TYPE', '03', '武警警官证', 'Armed police officer card'),
('ID_TYPE', '04', '士兵证', 'Soldier card'),
('ID_TYPE', '05', '军队离退休干部证', 'Retired military cadre card'),
('ID_TYPE', '06', '残疾人证', 'Disability card'),
('ID_TYPE', '07', '残疾军人证(1-8级)', 'Disabled soldier card'),
('ID_TYPE', '08', '护照', 'Passport'),
('ID_TYPE', '09', '港澳同胞回乡证', 'Home-return permit'),
('ID_TYPE', '10', '港澳居民来往内地通行证', 'Mainland travel permit for HK and Macao residents'),
('ID_TYPE', '11', '中华人民共和国往来港澳通行证', 'Exit-entry permit to HK and Macao'),
('ID_TYPE', '12', '台湾居民来往大陆通行证', 'Mainland travel permit for Taiwan residents'),
('ID_TYPE', '13', '大陆居民往来台湾通行证', 'Travel permit to Taiwan'),
('ID_TYPE', '14', '外交官证', 'Diplomat card'),
('ID_TYPE', '15', '领事馆证', 'Consular card'),
('ID_TYPE', '16', '海员证', 'Seafarer card'),
('ID_TYPE', '17', '香港身份证', 'Hong Kong identity card'),
('UNIT_TYPE', '001', '专业分包', 'Specialist subcontractor'),
('UNIT_TYPE', '002', '设备分包', 'Equipment subcontractor'),
('UNIT_TYPE', '003', '材料分包', 'Materials subcontractor'),
('UNIT_TYPE', '004', '后勤服务', 'Logistics services'),
('UNIT_TYPE', '005', '特殊设备', 'Special equipment'),
('UNIT_TYPE', '006', '劳务分包', 'Labour subcontractor'),
('UNIT_TYPE', '007', '监理', 'Supervision company'),
('UNIT_TYPE', '008', '建设单位', 'Owner'),
('UNIT_TYPE', '009', '总承包单位', 'General contractor'),
('UNIT_TYPE', '010', '勘察', 'Survey'),
('UNIT_TYPE', '011', '设计单位', 'Design'),
('UNIT_TYPE', '012', '其它', 'Other'),
('PROJECT_CATEGORY', '01', '房屋建筑工程', 'Building works'),
('PROJECT_CATEGORY', '02', '市政公用工程', 'Municipal works'),
('PROJECT_CATEGORY', '03', '机电安装工程', 'Mechanical and electrical installation'),
('PROJECT_CATEGORY', '04', '铁路工程', 'Railway works'),
('PROJECT_CATEGORY', '05', '公路工程', 'Highway works'),
('PROJECT_CATEGORY', '06', '港口与航道工程', 'Port and waterway works'),
('PROJECT_CATEGORY', '07', '水利水电工程', 'Water and hydropower works'),
('PROJECT_CATEGORY', '08', '电力工程', 'Power works'),
('PROJECT_CATEGORY', '09', '矿山工程', 'Mining works'),
('PROJECT_CATEGORY', '10', '冶炼工程', 'Smelting works'),
('PROJECT_CATEGORY', '11', '化工石油工程', 'Chemical and petroleum works'),
('PROJECT_CATEGORY', '12', '通信工程', 'Telecommunication works'),
('PROJECT_CATEGORY', '99', '其他', 'Other'),
('CONSTRUCTION_NATURE', '001', '新建', 'New construction'),
('CONSTRUCTION_NATURE', '002', '改建', 'Reconstruction'),
('CONSTRUCTION_NATURE', '003', '扩建', 'Extension'),
('CONSTRUCTION_NATURE', '004', '恢复', 'Restoration'),
('CONSTRUCTION_NATURE', '005', '迁建', 'Relocation'),
('CONSTRUCTION_NATURE', '006', '拆除', 'Demolition'),
('CONSTRUCTION_NATURE', '099', '其他', 'Other'),
('WORK_TYPE', '010', '砌筑工', 'Bricklayer'),
('WORK_TYPE', '020', '钢筋工', 'Steel fixer'),
('WORK_TYPE', '030', '架子工', 'Scaffolder'),
('WORK_TYPE', '040', '混凝土工', 'Concrete worker'),
('WORK_TYPE', '050', '模板工', 'Formwork carpenter'),
('WORK_TYPE', '060', '机械设备安装工', 'Machinery installer'),
('WORK_TYPE', '070', '通风工', 'Ventilation worker'),
('WORK_TYPE', '080', '安装起重工', 'Installation rigger'),
('WORK_TYPE', '090', '安装钳工', 'Installation fitter'),
('WORK_TYPE', '100', '电气设备安装调试工', 'Electrical equipment installer'),
('WORK_TYPE', '110', '管道工', 'Pipe fitter'),
('WORK_TYPE', '120', '变电安装工', 'Substation installer'),
('WORK_TYPE', '130', '建筑电工', 'Construction electrician'),
('WORK_TYPE', '140', '司泵工', 'Pump operator'),
('WORK_TYPE', '150', '挖掘铲运和桩工机械司机', 'Excavation and piling machine driver'),
('WORK_TYPE', '160', '桩机操作工', 'Pile machine operator'),
('WORK_TYPE', '170', '起重信号工', 'Crane signaller'),
('WORK_TYPE', '180', '建筑起重机械安装拆卸工', 'Crane erector'),
('WORK_TYPE', '190', '装饰装修工', 'Decorator'),
('WORK_TYPE', '200', '室内成套设施安装工', 'Interior fittings installer'),
('WORK_TYPE', '210', '建筑门窗幕墙安装工', 'Window and curtain-wall installer'),
('WORK_TYPE', '220', '幕墙制作工', 'Curtain-wall fabricator'),
('WORK_TYPE', '230', '防水工', 'Waterproofer'),
('WORK_TYPE', '240', '木工', 'Carpenter'),
('WORK_TYPE', '250', '石工', 'Stonemason'),
('WORK_TYPE', '270', '电焊工', 'Welder'),
('WORK_TYPE', '280', '爆破工', 'Blaster'),
('WORK_TYPE', '290', '除尘工', 'Dust-control worker'),
('WORK_TYPE', '300', '测量放线工', 'Surveyor'),
('WORK_TYPE', '310', '线路架设工', 'Line erector'),
('WORK_TYPE', '320', '古建筑传统石工', 'Traditional stonemason'),
('WORK_TYPE', '330', '古建筑传统瓦工', 'Traditional tiler'),
('WORK_TYPE', '340', '古建筑传统彩画工', 'Traditional painter'),
('WORK_TYPE', '350', '古建筑传统木工', 'Traditional carpenter'),
('WORK_TYPE', '360', '古建筑传统油工', 'Traditional lacquerer'),
('WORK_TYPE', '380', '金属工', 'Metal worker'),
('WORK_TYPE', '390', '杂工', 'General labourer'),
('WORK_TYPE', '900', '管理人员', 'Manager'),
('WORK_TYPE', '1000', '其它', 'Other'),
('MANAGER_POST', 'PROJECT_MANAGER', '项目经理', 'Project manager'),
('MANAGER_POST', 'CHIEF_SUPERVISOR', '总监理工程师', 'Chief supervising engineer'),
('MANAGER_POST', 'TECHNICAL_LEAD', '技术负责人', 'Technical lead'),
('MANAGER_POST', 'SAFETY_OFFICER', '专职安全员', 'Full-time safety officer'),
('MANAGER_POST', 'QUALITY_OFFICER', '质量员', 'Quality officer'),
('MANAGER_POST', 'CONSTRUCTION_OFFICER', '施工员', 'Construction officer'),
('MANAGER_POST', 'SAFETY_SUPERVISOR', '安全监理工程师', 'Safety supervising engineer'),
('MANAGER_POST', 'LABOUR_OFFICER', '劳资专管员', 'Wage and labour officer'),
('MANAGER_POST', 'OTHER', '其他管理人员', 'Other manager'),
('CONTRACT_PERIOD_TYPE', '0', '固定期限', 'Fixed term'),
('CONTRACT_PERIOD_TYPE', '1', '以完成一定工作为期限', 'For a defined piece of work'),
('BANK', '102', '中国工商银行', 'ICBC'),
('BANK', '103', '中国农业银行', 'Agricultural Bank of China'),
('BANK', '104', '中国银行', 'Bank of China'),
('BANK', '105', '中国建设银行', 'China Construction Bank'),
('BANK', '301', '交通银行', 'Bank of Communications'),
('BANK', '302', '中信银行', 'China CITIC Bank'),
('BANK', '303', '中国光大银行', 'China Everbright Bank'),
('BANK', '304', '华夏银行', 'Hua Xia Bank'),
('BANK', '305', '中国民生银行', 'China Minsheng Bank'),
('BANK', '306', '广发银行', 'China Guangfa Bank'),
('BANK', '308', '招商银行', 'China Merchants Bank'),
('BANK', '309', '兴业银行', 'Industrial Bank'),
('BANK', '310', '上海浦东发展银行', 'SPD Bank'),
('BANK', '313', '城市商业银行', 'City commercial bank'),
('BANK', '314', '农村商业银行', 'Rural commercial bank'),
('BANK', '402', '农村信用社', 'Rural credit cooperative'),
('BANK', '403', '中国邮政储蓄银行', 'Postal Savings Bank of China');
